// osquery JSON: `osqueryi --json "select * from programs"` (an array of rows whose values are strings), or
// osqueryd result logs (one JSON per line: {name, hostIdentifier, columns, action} or snapshot/diffResults).
// Tables: programs (Windows), deb_packages, rpm_packages (version and release apart), apps (macOS).
import type {Software} from '../../model.js'
import type {Scheme} from '../../lib/versions.js'
import {InventoryError, type Reader} from '../reader.js'
import {decodeHead, hostFromFile, readText} from '../source.js'

const NAME = 'osquery-json'
type Row = Record<string, unknown>
const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined)

/** What table a row comes from, by its columns. */
function table(r: Row): 'programs' | 'deb' | 'rpm' | 'apps' | undefined {
  if ('bundle_identifier' in r || 'bundle_short_version' in r) return 'apps'
  if ('maintainer' in r || 'admindir' in r || ('revision' in r && 'arch' in r)) return 'deb'
  if ('release' in r && ('epoch' in r || 'sha1' in r || 'arch' in r)) return 'rpm'
  if ('name' in r && ('install_source' in r || 'identifying_number' in r || 'publisher' in r || 'uninstall_string' in r)) return 'programs'
  return undefined
}

function toSoftware(r: Row, host: string, file: string, path: string): Software | undefined {
  const t = table(r)
  const name = str(r.name) ?? str(r.display_name) ?? str(r.bundle_name)
  if (!t || !name) return undefined
  let version = str(r.version)
  let scheme: Scheme | undefined
  if (t === 'rpm') {
    const epoch = str(r.epoch)
    version = `${epoch && epoch !== '0' ? `${epoch}:` : ''}${version ?? ''}${str(r.release) ? `-${str(r.release)}` : ''}`
    scheme = 'rpm'
  }
  if (t === 'deb') scheme = 'debian'
  if (t === 'apps') version = str(r.bundle_short_version) ?? str(r.bundle_version) ?? version
  return {
    host, name, version: version || undefined, vendor: str(r.publisher) ?? str(r.vendor) ?? str(r.maintainer),
    versionScheme: scheme, arch: str(r.arch), kind: t === 'deb' || t === 'rpm' ? 'package' : 'application', source: {file, reader: NAME, path},
  }
}

export const osqueryJson: Reader = {
  name: NAME,
  description: 'osquery JSON: osqueryi --json output or osqueryd result logs of programs, deb_packages, rpm_packages, apps',
  produce: 'osqueryi --json "select * from programs" > programs.json (also deb_packages, rpm_packages, apps)',
  sniff(head) {
    const t = decodeHead(head)
    if (/^\s*\{/.test(t) && /"hostIdentifier"\s*:/.test(t) && /"(columns|snapshot|diffResults)"\s*:/.test(t)) return 0.9
    if (!/^\s*\[\s*\{/.test(t)) return 0
    const first = t.slice(0, 4000)
    if (/"(install_source|identifying_number|uninstall_string|bundle_identifier|bundle_short_version|admindir|maintainer)"\s*:/.test(first)) return 0.85
    return /"release"\s*:/.test(first) && /"(sha1|epoch)"\s*:/.test(first) ? 0.8 : 0
  },
  async *read(file, warn, options = {}) {
    const text = await readText(file)
    const trimmed = text.trimStart()
    const docs: Array<{doc: unknown; line?: number}> = []
    if (trimmed.startsWith('[')) {
      try {
        docs.push({doc: JSON.parse(text)})
      } catch (e) {
        throw new InventoryError(`${file}: not valid JSON (${(e as Error).message}); is the export truncated?`)
      }
    } else {
      for (const [i, line] of text.split(/\r?\n/).entries()) {
        if (!line.trim()) continue
        try {
          docs.push({doc: JSON.parse(line), line: i + 1})
        } catch {
          warn({file, line: i + 1, message: 'not a JSON result line; skipped'})
        }
      }
    }
    for (const {doc, line} of docs) {
      const rows: Array<{r: Row; host?: string; path: string}> = []
      if (Array.isArray(doc)) doc.forEach((r, i) => rows.push({r: r as Row, path: `[${i}]`}))
      else if (doc && typeof doc === 'object') {
        const d = doc as {hostIdentifier?: string; columns?: Row; action?: string; snapshot?: Row[]; diffResults?: {added?: Row[]}}
        if (d.columns && d.action !== 'removed') rows.push({r: d.columns, host: d.hostIdentifier, path: 'columns'})
        for (const [i, r] of (d.snapshot ?? []).entries()) rows.push({r, host: d.hostIdentifier, path: `snapshot[${i}]`})
        for (const [i, r] of (d.diffResults?.added ?? []).entries()) rows.push({r, host: d.hostIdentifier, path: `diffResults.added[${i}]`})
      }
      for (const {r, host, path} of rows) {
        const s = toSoftware(r ?? {}, options.host ?? host ?? hostFromFile(file), file, path)
        if (s) yield line ? {...s, source: {...s.source, line}} : s
        else warn({file, line, message: `${path}: not a programs/deb_packages/rpm_packages/apps row; skipped`})
      }
    }
  },
}
