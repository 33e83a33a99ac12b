// RPM package lists: `rpm -qa` (NAME-VERSION-RELEASE.ARCH per line; sosreport's installed-rpms adds the
// install date after spaces) and `rpm -qa --queryformat` with tab-separated fields, name first.
// gpg-pubkey-<keyid>-<date> lines are the repository signing keys rpm lists as packages: they are not
// software and are dropped. `(none)` epochs are left out.
import type {Software} from '../../model.js'
import type {Reader} from '../reader.js'
import {decodeHead, hostFromFile, textLines} from '../source.js'
import {pickColumns} from './package-columns.js'

const RPM_ARCH = /^(x86_64|noarch|i[3-6]86|aarch64|ppc64le|ppc64|ppc|s390x|s390|armv7hl|armv7l|armv6hl|riscv64|src|nosrc|ia64|athlon|sparc64|mips64el|loongarch64)$/
const NEVRA = /^(.+)-([^-]+)-([^-]+)\.([A-Za-z0-9_]+)$/

/** Split NAME-VERSION-RELEASE.ARCH (what rpm -qa prints). */
export function splitNevra(s: string): {name: string; version: string; release: string; arch: string} | undefined {
  const m = s.match(NEVRA)
  if (!m || !RPM_ARCH.test(m[4]!)) return undefined
  return {name: m[1]!, version: m[2]!, release: m[3]!, arch: m[4]!}
}

const isKey = (name: string) => name === 'gpg-pubkey' || name.startsWith('gpg-pubkey-')

export const rpmQa: Reader = {
  name: 'rpm-qa',
  description: 'rpm -qa list (NAME-VERSION-RELEASE.ARCH per line), also sosreport installed-rpms',
  produce: 'rpm -qa > host1.rpm-qa.txt (or installed-rpms from a sosreport)',
  sniff(head) {
    const lines = decodeHead(head).split(/\r?\n/).filter((l) => l.trim()).slice(0, 60)
    if (lines.length === 0) return 0
    const hits = lines.filter((l) => splitNevra(l.trim().split(/\s+/)[0]!) || /^gpg-pubkey-[0-9a-f]{8}-[0-9a-f]{8}\b/.test(l)).length
    return hits / lines.length > 0.9 ? 0.9 : 0
  },
  async *read(file, warn, options = {}) {
    const host = options.host ?? hostFromFile(file)
    for await (const {text, line} of textLines(file)) {
      const token = text.trim().split(/\s+/)[0]
      if (!token) continue
      if (isKey(token)) continue
      const p = splitNevra(token)
      if (!p) {
        warn({file, line, message: `not NAME-VERSION-RELEASE.ARCH: ${token.slice(0, 80)}`})
        continue
      }
      yield {host, name: p.name, version: `${p.version}-${p.release}`, arch: p.arch, versionScheme: 'rpm', kind: 'package', source: {file, reader: 'rpm-qa', line}}
    }
  },
}

export const rpmQueryformat: Reader = {
  name: 'rpm-queryformat',
  description: 'rpm -qa --queryformat output with tab-separated fields, name first (e.g. GLPI-Agent\'s NAME ARCH VERSION-RELEASE INSTALLTIME SIZE VENDOR SUMMARY GROUP)',
  produce: "rpm -qa --queryformat '%{NAME}\\t%{EPOCH}:%{VERSION}-%{RELEASE}\\t%{ARCH}\\t%{VENDOR}\\n' > host1.rpm.tsv",
  sniff(head) {
    const lines = decodeHead(head).split(/\r?\n/).filter((l) => l.includes('\t')).slice(0, 40)
    if (lines.length === 0) return 0
    const cols = pickColumns(lines, 'rpm', RPM_ARCH)
    if (!cols || cols.score < 0.8) return 0
    const distTag = lines.filter((l) => /\.(el\d|fc\d|mga\d|suse|lp\d|sle|amzn|centos|rhel|mdv|remi)/i.test(l)).length / lines.length
    return cols.archHits > 0 ? 0.88 : distTag > 0.5 ? 0.8 : 0
  },
  async *read(file, warn, options = {}) {
    const host = options.host ?? hostFromFile(file)
    const sample: Array<{text: string; line: number}> = []
    for await (const l of textLines(file)) {
      if (l.text.trim()) sample.push(l)
      if (sample.length >= 40) break
    }
    const cols = pickColumns(sample.map((s) => s.text), 'rpm', RPM_ARCH)
    if (!cols) return
    // The vendor is the first free-text column after the fixed ones (GLPI-Agent order puts it 6th).
    for await (const {text, line} of textLines(file)) {
      if (!text.trim()) continue
      const cells = text.split('\t')
      const name = cells[0]?.trim()
      let version = cells[cols.version]?.trim()
      if (!name || !version) {
        warn({file, line, message: 'row without a package name and version; skipped'})
        continue
      }
      if (isKey(name)) continue
      version = version.replace(/^\(none\):/, '')
      const row: Software = {host, name, version, arch: cols.arch >= 0 ? cells[cols.arch]?.trim() : undefined, versionScheme: 'rpm', kind: 'package',
        source: {file, reader: 'rpm-queryformat', line}}
      if (cells.length >= 8 && cols.version === 2) row.vendor = cells[5]?.trim() || undefined
      yield row
    }
  },
}
