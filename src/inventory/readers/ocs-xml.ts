// OCS Inventory NG / FusionInventory / GLPI-Agent (--xml) inventories: <REQUEST><CONTENT> with one
// <SOFTWARES> element per software (NAME, VERSION, PUBLISHER, FROM, ARCH, GUID) and the host in
// <HARDWARE><NAME> (else <DEVICEID>). Streamed: rows wait only until the host is known.
import type {Software} from '../../model.js'
import type {Scheme} from '../../lib/versions.js'
import type {Reader} from '../reader.js'
import {decodeHead, hostFromFile} from '../source.js'
import {childText, xmlElements} from '../xml.js'

const NAME = 'ocs-fusion-xml'
const SCHEME: Record<string, Scheme> = {deb: 'debian', rpm: 'rpm'}

export const ocsXml: Reader = {
  name: NAME,
  description: 'OCS Inventory NG / FusionInventory XML inventory (REQUEST/CONTENT/SOFTWARES)',
  produce: 'ocsinventory-agent --local=/tmp/inventory (or fusioninventory-agent --local, glpi-agent --local --xml)',
  sniff(head) {
    const t = decodeHead(head)
    if (!/<REQUEST>/.test(t)) return 0
    return /<CONTENT>/.test(t) && /<(SOFTWARES|HARDWARE|DEVICEID|QUERY)>/.test(t) ? 0.95 : 0.6
  },
  async *read(file, warn, options = {}) {
    let host = options.host
    const waiting: Software[] = []
    const wanted = (p: string[]) => p[0] === 'REQUEST' && ((p.length === 3 && p[1] === 'CONTENT' && (p[2] === 'SOFTWARES' || p[2] === 'HARDWARE')) || (p.length === 2 && p[1] === 'DEVICEID'))
    for await (const {node} of xmlElements(file, wanted, warn)) {
      if (node.name === 'HARDWARE') {
        host ??= childText(node, 'NAME') || undefined
        if (host) for (const w of waiting.splice(0)) yield {...w, host}
        continue
      }
      if (node.name === 'DEVICEID') continue
      const name = childText(node, 'NAME')
      if (!name) {
        warn({file, line: node.line, message: '<SOFTWARES> without a NAME; skipped'})
        continue
      }
      const from = childText(node, 'FROM').toLowerCase()
      const row: Software = {
        host: host ?? '', name, version: childText(node, 'VERSION') || undefined, vendor: childText(node, 'PUBLISHER') || undefined,
        arch: childText(node, 'ARCH') || undefined, versionScheme: SCHEME[from],
        kind: from === 'deb' || from === 'rpm' ? 'package' : 'application', source: {file, reader: NAME, line: node.line},
      }
      if (host) yield row
      else waiting.push(row)
    }
    for (const w of waiting) yield {...w, host: hostFromFile(file)}
  },
}
