// GLPI Agent JSON (the inventory format of GLPI ≥ 10, `glpi-agent --local=DIR --json`):
// content.softwares[] with name/version/publisher/from/arch, the host in content.hardware.name.
import type {Scheme} from '../../lib/versions.js'
import {InventoryError, type Reader} from '../reader.js'
import {decodeHead, hostFromFile, readJson} from '../source.js'

const NAME = 'glpi-json'
type GlpiSoftware = {name?: string; version?: string; publisher?: string; from?: string; arch?: string; system_category?: string}
type Glpi = {deviceid?: string; content?: {hardware?: {name?: string}; operatingsystem?: {fqdn?: string}; softwares?: GlpiSoftware[]}}

const SCHEME: Record<string, Scheme> = {deb: 'debian', rpm: 'rpm'}

export const glpiJson: Reader = {
  name: NAME,
  description: 'GLPI Agent JSON inventory (content.softwares, host in content.hardware.name)',
  produce: 'glpi-agent --local=/tmp/inventory --json (writes one <deviceid>.json per run)',
  sniff(head) {
    const t = decodeHead(head)
    if (!/^\s*\{/.test(t)) return 0
    const content = /"content"\s*:\s*\{/.test(t)
    if (content && /"(softwares|hardware|versionclient)"\s*:/.test(t)) return 0.95
    return content && /"(deviceid|itemtype)"\s*:/.test(t) ? 0.8 : 0
  },
  async *read(file, warn, options = {}) {
    const doc = (await readJson(file)) as Glpi
    const c = doc?.content
    if (!c || typeof c !== 'object') throw new InventoryError(`${file}: GLPI JSON without a content object`)
    const host = options.host ?? c.hardware?.name ?? c.operatingsystem?.fqdn ?? doc.deviceid ?? hostFromFile(file)
    const list = Array.isArray(c.softwares) ? c.softwares : []
    for (const [i, s] of list.entries()) {
      if (!s || typeof s.name !== 'string' || s.name.trim() === '') {
        warn({file, message: `content.softwares[${i}] has no name; skipped`})
        continue
      }
      const from = s.from?.toLowerCase()
      yield {
        host, name: s.name.trim(), vendor: s.publisher?.trim() || undefined, version: s.version?.trim() || undefined,
        versionScheme: from ? SCHEME[from] : undefined, arch: s.arch || undefined,
        kind: from === 'deb' || from === 'rpm' || from === 'snap' || from === 'flatpak' ? 'package' : 'application',
        source: {file, reader: NAME, path: `content.softwares[${i}]`},
      }
    }
  },
}
