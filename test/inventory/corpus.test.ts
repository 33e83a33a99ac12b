// Every real export of ../shared/corpus/inventories is read by the reader its content calls for (no
// --reader), with the record count of MANIFEST.tsv, hosts attributed and versions parsed.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {readInventory, sniffAll} from '../../src/inventory/read.js'
import type {Software} from '../../src/model.js'
import {CORPUS, CORPUS_SKIP_REASON, HAS_CORPUS} from '../support/paths.js'

const DIR = path.join(CORPUS, 'inventories')

/** MANIFEST format name → our reader. */
const READER: Record<string, string> = {
  'choco-list-limit-output': 'choco-list', 'choco-export-packages-config': 'choco-export-config', 'cyclonedx-xml': 'cyclonedx-xml',
  'cyclonedx-json': 'cyclonedx-json', 'dpkg-query-showformat': 'dpkg-query', 'dpkg-status': 'dpkg-status', 'glpi-json': 'glpi-json',
  'macos-system-profiler-text': 'macos-system-profiler-text', 'macos-system-profiler-plist': 'macos-system-profiler-plist', 'nmap-xml': 'nmap-xml',
  'ocs-fusion-xml': 'ocs-fusion-xml', 'powershell-uninstall-csv': 'powershell-uninstall-csv', 'rpm-qa-queryformat': 'rpm-queryformat', 'rpm-qa': 'rpm-qa',
  'spdx-json': 'spdx-json', 'spdx-tag-value': 'spdx-tag-value', 'composer-json': 'composer-json', 'composer-lock': 'composer-lock',
  'npm-package-lock': 'npm-package-lock', 'npm-package-json': 'npm-package-json', 'windows-reg-uninstall': 'windows-reg-uninstall', 'winget-export-json': 'winget-export-json',
}

/**
 * Deliberate drops, each checked below: rows the MANIFEST counts that are not installed software.
 * - dpkg: packages removed with only their configuration left (Status "deinstall ok config-files").
 * - rpm -qa: gpg-pubkey-<keyid>-<date> lines are repository signing keys, not packages.
 * - .reg: a subkey whose DisplayName is empty is hidden by Windows (an Office 2010 patch entry here).
 */
const DROPPED: Record<string, {count: number; why: (rows: Software[]) => void}> = {
  'dpkg/debian-squeeze.dpkg-query.tsv': {count: 1, why: (rows) => expect(rows.find((r) => r.name === 'vlc-nox')).toBeUndefined()},
  'dpkg/ubuntu1804.var-lib-dpkg-status': {count: 1, why: (rows) => expect(rows.every((r) => r.name !== '')).toBe(true)},
  'rpm/opensuse-leap153.rpm-qa.txt': {count: 11, why: (rows) => expect(rows.some((r) => r.name.startsWith('gpg-pubkey'))).toBe(false)},
  'windows-reg-uninstall/winxp-Uninstall.reg': {count: 1, why: (rows) => expect(rows.some((r) => r.source.path?.includes('Office14.PROPLUS_{DC6A88F2'))).toBe(false)},
}

const manifest = HAS_CORPUS
  ? readFileSync(path.join(DIR, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'))
  : []

describe.skipIf(!HAS_CORPUS)('inventory corpus', () => {
  if (!HAS_CORPUS) it.skip(CORPUS_SKIP_REASON, () => {})
  for (const [file, format, hosts, count] of manifest as string[][]) {
    it(`${file}: ${format}, ${count} records`, async () => {
      const full = path.join(DIR, file!)
      const [best] = await sniffAll(full)
      expect(best!.reader.name).toBe(READER[format!])
      const rows: Software[] = []
      const warnings: unknown[] = []
      for await (const r of readInventory(full, (w) => warnings.push(w))) rows.push(r)
      const drop = DROPPED[file!]
      expect(rows).toHaveLength(Number(count) - (drop?.count ?? 0))
      drop?.why(rows)
      expect(warnings).toEqual([])
      const hostSet = new Set(rows.map((r) => r.host))
      expect(hostSet.size).toBe(Math.max(1, Number(hosts)))
      expect([...hostSet].every((h) => h.trim() !== '')).toBe(true)
      for (const r of rows) {
        expect(r.source.reader).toBe(READER[format!])
        expect(r.source.line ?? r.source.path).toBeDefined()
        if (r.version) expect(r.versionScheme).toBeDefined()
      }
      // Versions are parsed: every version with a digit in it yields numbers (package.json ranges aside).
      const unparsed = rows.filter((r) => r.version && /\d/.test(r.version) && !/^dev-/.test(r.version) && !r.versionParsed?.parts.length)
      expect(unparsed.map((r) => r.version)).toEqual([])
    })
  }

  it('names real hosts and products where the export has them', async () => {
    const read = async (f: string) => {
      const out: Software[] = []
      for await (const r of readInventory(path.join(DIR, f), () => {})) out.push(r)
      return out
    }
    const ocs = await read('ocs-fusion-xml/win81-fr-office2010.xml')
    expect(ocs.find((r) => r.product === 'microsoft:office' && r.kind === 'application')).toMatchObject({
      host: 'pc-arg-23', name: 'Microsoft Office Famille et Petite Entreprise 2010', version: '14.0.7015.1000', release: '2010',
      versionParsed: {parts: [14, 0, 7015, 1000]}, vendor: 'Microsoft'})
    const nmap = await read('nmap/dionaea-sV.nmap.xml')
    expect(nmap.find((r) => r.product === 'microsoft:sql-server')).toMatchObject({kind: 'service', version: '8.00.528.00; SP1+', versionParsed: {parts: [8, 0, 528, 0]}})
    const full = await read('nmap/fullscan.nmap.xml')
    expect(new Set(full.map((r) => r.host))).toEqual(new Set(['192.168.1.1', '192.168.1.4']))
    const glpi = await read('glpi-json/lf014-fedora25.json')
    expect(glpi[0]!.host).toBe('LF014')
    const reg = await read('windows-reg-uninstall/winxp-Uninstall.reg')
    expect(reg.filter((r) => r.product === 'microsoft:office' && r.kind === 'application').map((r) => r.name)).toEqual(['Microsoft Office Professional Plus 2010'])
    expect(reg.find((r) => r.name.startsWith('Adobe Reader X'))).toMatchObject({product: 'adobe:acrobat-reader', vendor: 'Adobe'})
    expect(reg.find((r) => r.name.startsWith('Adobe Flash Player 11'))).toMatchObject({product: 'adobe:flash-player', kind: 'application'})
    const status = await read('dpkg/ubuntu1804.var-lib-dpkg-status')
    expect(status.find((r) => r.name === 'libaudit1')).toMatchObject({version: '1:2.8.2-1ubuntu1', versionScheme: 'debian', versionParsed: {epoch: 1, parts: [2, 8, 2]}})
  })
})
