// macOS `system_profiler SPApplicationsDataType`: the text form (localised: "Applications:", then one
// 4-space-indented "<Name>:" block per app with 6-space "Key: value" lines) and the -xml plist
// (an array of dicts whose _items hold _name, version, obtained_from, path, info).
import type {Software} from '../../model.js'
import type {Reader} from '../reader.js'
import {decodeHead, hostFromFile, textLines} from '../source.js'
import {xmlElements, type XmlNode} from '../xml.js'

const VERSION_KEYS = /^(version|versión|versione|versão|バージョン|버전|版本)$/i

export const macosProfilerText: Reader = {
  name: 'macos-system-profiler-text',
  description: 'macOS system_profiler SPApplicationsDataType text output (any language)',
  produce: 'system_profiler SPApplicationsDataType > host1.apps.txt',
  sniff(head) {
    const t = decodeHead(head)
    const blocks = t.match(/^ {4}\S[^\n]*:\r?\n\r?\n {6}\S/gm)?.length ?? 0
    if (/^\s*(Applications|Programmes|Anwendungen|Aplicaciones|Applicazioni):\s*$/m.test(t.slice(0, 200)) && blocks > 0) return 0.95
    return blocks >= 3 && / {6}(Location|Emplacement|Ort|Ubicación|Posizione): \//.test(t) ? 0.7 : 0
  },
  async *read(file, _warn, options = {}) {
    const host = options.host ?? hostFromFile(file)
    let current: Software | undefined
    for await (const {text, line} of textLines(file)) {
      const head = text.match(/^ {4}(\S.*):\s*$/)
      if (head) {
        if (current) yield current
        current = {host, name: head[1]!.trim(), kind: 'application', versionScheme: 'dotted', source: {file, reader: 'macos-system-profiler-text', line}}
        continue
      }
      const kv = current && text.match(/^ {6}([^:]+?)\s*:\s+(.*)$/)
      if (kv && VERSION_KEYS.test(kv[1]!.trim())) current!.version = kv[2]!.trim()
      if (kv && /^(location|emplacement|ort|ubicación|posizione)$/i.test(kv[1]!.trim())) current!.source.path = kv[2]!.trim()
    }
    if (current) yield current
  },
}

/** Read a plist value node into JS (dict, array, string, numbers, booleans). */
function plistValue(n: XmlNode): unknown {
  switch (n.name) {
    case 'dict': {
      const out: Record<string, unknown> = {}
      for (let i = 0; i + 1 < n.children.length; i += 2) out[n.children[i]!.text] = plistValue(n.children[i + 1]!)
      return out
    }
    case 'array': return n.children.map(plistValue)
    case 'integer': case 'real': return Number(n.text)
    case 'true': return true
    case 'false': return false
    default: return n.text
  }
}

export const macosProfilerPlist: Reader = {
  name: 'macos-system-profiler-plist',
  description: 'macOS system_profiler -xml SPApplicationsDataType plist',
  produce: 'system_profiler -xml SPApplicationsDataType > host1.apps.xml',
  sniff(head) {
    const t = decodeHead(head)
    if (!/<plist\b/.test(t)) return 0
    return /SPApplicationsDataType/.test(t) ? 0.97 : /<key>_items<\/key>/.test(t) ? 0.6 : 0
  },
  async *read(file, warn, options = {}) {
    const host = options.host ?? hostFromFile(file)
    // Each top-level dict (one per data type) is small enough to hold; its _items are the applications.
    for await (const {node} of xmlElements(file, (p) => p.length === 3 && p[0] === 'plist' && p[1] === 'array' && p[2] === 'dict', warn)) {
      const d = plistValue(node) as {_items?: Array<Record<string, unknown>>}
      for (const [i, item] of (d._items ?? []).entries()) {
        const name = typeof item._name === 'string' ? item._name.trim() : ''
        if (!name) continue
        const version = typeof item.version === 'string' ? item.version.trim() : undefined
        const vendor = Array.isArray(item.signed_by) && typeof item.signed_by[0] === 'string' && /^Developer ID Application: /.test(item.signed_by[0])
          ? item.signed_by[0].replace(/^Developer ID Application: /, '').replace(/\s*\([A-Z0-9]+\)$/, '') : undefined
        yield {host, name, version: version || undefined, vendor, versionScheme: 'dotted', kind: 'application',
          source: {file, reader: 'macos-system-profiler-plist', line: node.line, path: typeof item.path === 'string' ? item.path : `_items[${i}]`}}
      }
    }
  },
}
