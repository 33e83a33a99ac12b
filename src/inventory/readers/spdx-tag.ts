// SPDX 2.x tag-value (`.spdx`): a package starts at each `PackageName:`; PackageVersion, PackageSupplier and
// `ExternalRef: PACKAGE-MANAGER purl …` follow. Multi-line <text>…</text> values are skipped over.
import type {Software} from '../../model.js'
import type {Reader} from '../reader.js'
import {decodeHead, hostFromFile, textLines} from '../source.js'
import {purlScheme} from './sbom.js'
import {spdxAgent} from './spdx-json.js'

const NAME = 'spdx-tag-value'

export const spdxTag: Reader = {
  name: NAME,
  description: 'SPDX 2.x tag-value document (PackageName, PackageVersion, PackageSupplier)',
  produce: 'syft dir:/srv/app -o spdx-tag-value=sbom.spdx (or any SPDX 2.x tool)',
  sniff(head) {
    const t = decodeHead(head)
    return /^\s*(SPDXVersion|DataLicense|SPDXID|DocumentName):/m.test(t.slice(0, 2000)) && /^SPDXVersion:\s*SPDX-/m.test(t) ? 0.95 : 0
  },
  async *read(file, _warn, options = {}) {
    let current: Software | undefined
    let inText = false
    let docName: string | undefined
    const pending: Software[] = []
    for await (const {text, line} of textLines(file)) {
      if (inText) {
        if (text.includes('</text>')) inText = false
        continue
      }
      if (text.includes('<text>') && !text.includes('</text>')) inText = true
      const m = text.match(/^([A-Za-z]+):\s*(.*)$/)
      if (!m) continue
      const [, tag, value] = m as unknown as [string, string, string]
      if (tag === 'DocumentName') docName = value.trim()
      if (tag === 'PackageName') {
        if (current) pending.push(current)
        current = {host: '', name: value.trim(), kind: 'package', source: {file, reader: NAME, line}}
      } else if (current && tag === 'PackageVersion') current.version = value.trim()
      else if (current && tag === 'PackageSupplier') current.vendor = spdxAgent(value)
      else if (current && tag === 'ExternalRef') {
        const purl = value.match(/\bpurl\s+(\S+)/)?.[1]
        if (purl) {
          current.purl = purl
          current.versionScheme = purlScheme(purl)
        }
      } else if (tag === 'SPDXID' && current && /^SPDXRef-(DOCUMENT)$/.test(value.trim())) current = undefined
    }
    if (current) pending.push(current)
    // The host is the document's subject; packages are few in a tag-value file, so they wait for it.
    const host = options.host ?? docName ?? hostFromFile(file)
    for (const p of pending) yield {...p, host}
  },
}
