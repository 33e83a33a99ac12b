// Debian/Ubuntu package lists: /var/lib/dpkg/status (RFC 822 stanzas), `dpkg -l` (a padded table with
// two status letters) and `dpkg-query -W` with any showformat that has the name first and a version.
// Packages that are removed with only their configuration left (status config-files, `rc`) are not
// installed software and are dropped; so are not-installed entries.
import type {Software} from '../../model.js'
import type {Reader} from '../reader.js'
import {decodeHead, hostFromFile, textLines} from '../source.js'
import {pickColumns} from './package-columns.js'

const DEB_ARCH = /^(all|any|amd64|i386|i686|arm64|armhf|armel|mips|mipsel|mips64el|ppc64el|ppc64|s390x|riscv64|x32|kfreebsd-amd64|hurd-i386)$/

/** True for a dpkg Status field that means "installed" (unpacked or half-configured count too). */
const installed = (status: string) => !/\b(not-installed|config-files)\b/.test(status)

export const dpkgStatus: Reader = {
  name: 'dpkg-status',
  description: 'Debian/Ubuntu /var/lib/dpkg/status (Package, Status, Version, Architecture, Maintainer stanzas)',
  produce: 'cp /var/lib/dpkg/status host1.dpkg-status (or the file from a sosreport or container image)',
  sniff(head) {
    const t = decodeHead(head)
    if (!/^Package: \S+/m.test(t.slice(0, 400))) return 0
    return /^Status: /m.test(t) && /^Version: /m.test(t) ? 0.95 : 0.6
  },
  async *read(file, warn, options = {}) {
    const host = options.host ?? hostFromFile(file)
    let fields = new Map<string, string>()
    let start = 0
    let last = ''
    const flush = (): Software | undefined => {
      const name = fields.get('package')
      const status = fields.get('status') ?? 'install ok installed'
      const out = name && installed(status) ? {
        host, name, version: fields.get('version'), vendor: fields.get('maintainer'), arch: fields.get('architecture'),
        versionScheme: 'debian', kind: 'package' as const, source: {file, reader: 'dpkg-status', line: start},
      } : undefined
      if (!name && fields.size > 0) warn({file, line: start, message: 'stanza without a Package field; skipped'})
      fields = new Map()
      return out
    }
    for await (const {text, line} of textLines(file)) {
      if (text.trim() === '') {
        const row = flush()
        if (row) yield row
        continue
      }
      if (fields.size === 0) start = line
      if (/^[ \t]/.test(text)) continue // continuation of a multi-line field (Description, Conffiles)
      const m = text.match(/^([A-Za-z0-9-]+):\s*(.*)$/)
      if (!m) {
        warn({file, line, message: `not a "Field: value" line: ${text.slice(0, 60)}`})
        continue
      }
      last = m[1]!.toLowerCase()
      fields.set(last, m[2]!.trim())
    }
    const row = flush()
    if (row) yield row
  },
}

export const dpkgList: Reader = {
  name: 'dpkg-list',
  description: 'Debian/Ubuntu `dpkg -l` table (ii = installed; rc and un rows are dropped)',
  produce: 'COLUMNS=200 dpkg -l > host1.dpkg-l.txt',
  sniff(head) {
    const t = decodeHead(head)
    if (/^\|\|\/ Name\s+Version/m.test(t) && /^\+\+\+-=+/m.test(t)) return 0.97
    return /^Desired=Unknown\/Install\/Remove\/Purge\/Hold/m.test(t) ? 0.9 : 0
  },
  async *read(file, warn, options = {}) {
    const host = options.host ?? hostFromFile(file)
    let hasArch = false
    let body = false
    for await (const {text, line} of textLines(file)) {
      if (!body) {
        if (/^\|\|\/ Name/.test(text)) hasArch = /\bArchitecture\b/.test(text)
        if (/^\+\+\+-/.test(text)) body = true
        continue
      }
      if (text.trim() === '') continue
      const cells = text.trim().split(/\s+/)
      if (cells.length < 3 || !/^[uihrp][ncHUFWti][R ]?$/.test(cells[0]!.slice(0, 3).trim() || '?')) {
        warn({file, line, message: `not a dpkg -l row: ${text.slice(0, 60)}`})
        continue
      }
      const state = cells[0]!
      if (state[1] === 'n' || state[1] === 'c') continue // not installed, or configuration files only
      const [name, arch] = cells[1]!.split(':')
      yield {
        host, name: name!, version: cells[2], arch: hasArch ? cells[3] : arch, versionScheme: 'debian', kind: 'package',
        source: {file, reader: 'dpkg-list', line},
      }
    }
  },
}

export const dpkgQuery: Reader = {
  name: 'dpkg-query',
  description: 'dpkg-query -W output with any showformat that has the package name first (tab or space separated)',
  produce: "dpkg-query -W -f='${Package}\\t${Version}\\t${Architecture}\\t${Status}\\n' > host1.dpkg-query.tsv",
  sniff(head) {
    const lines = decodeHead(head).split(/\r?\n/).filter((l) => l.trim()).slice(0, 40)
    if (lines.length === 0) return 0
    const cols = pickColumns(lines, 'debian', DEB_ARCH)
    return cols && cols.score > 0.8 ? (cols.archHits > 0 || cols.statusHits > 0 ? 0.85 : 0.6) : 0
  },
  async *read(file, warn, options = {}) {
    const host = options.host ?? hostFromFile(file)
    const sample: Array<{text: string; line: number}> = []
    let cols: ReturnType<typeof pickColumns>
    const emit = function* ({text, line}: {text: string; line: number}): Generator<Software> {
      if (!text.trim()) return
      const cells = text.includes('\t') ? text.split('\t') : text.trim().split(/\s+/)
      const version = cells[cols!.version]?.trim()
      if (!cells[0]?.trim() || !version) {
        warn({file, line, message: 'row without a package name and version; skipped'})
        return
      }
      const status = cols!.status >= 0 ? cells[cols!.status] ?? '' : ''
      if (status && !installed(status)) return
      const [name, qualArch] = cells[0].trim().split(':')
      yield {host, name: name!, version, arch: cols!.arch >= 0 ? cells[cols!.arch]?.trim() : qualArch, versionScheme: 'debian', kind: 'package',
        source: {file, reader: 'dpkg-query', line}}
    }
    for await (const l of textLines(file)) {
      if (!cols) {
        if (l.text.trim()) sample.push(l)
        if (sample.length < 40) continue
        cols = pickColumns(sample.map((s) => s.text), 'debian', DEB_ARCH)
        for (const s of sample) yield* emit(s)
        continue
      }
      yield* emit(l)
    }
    if (!cols) {
      cols = pickColumns(sample.map((s) => s.text), 'debian', DEB_ARCH)
      if (!cols) return
      for (const s of sample) yield* emit(s)
    }
  },
}
