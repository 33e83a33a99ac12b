// Nmap XML (`nmap -sV -oX scan.xml`): one record per identified service (a <service> with a product=)
// on each host that is up; the host is its hostname (else its address). The vendor and product id
// come from the service's CPE when nmap gives one (cpe:/a:microsoft:sql_server:2000).
import type {Software} from '../../model.js'
import {productOf} from '../normalise.js'
import type {Reader} from '../reader.js'
import {decodeHead} from '../source.js'
import {child, descendants, xmlElements} from '../xml.js'

const NAME = 'nmap-xml'

export const nmapXml: Reader = {
  name: NAME,
  description: 'Nmap XML with service detection (-sV): one record per identified service, kind service',
  produce: 'nmap -sV -oX scan.xml 10.0.0.0/24',
  sniff(head) {
    const t = decodeHead(head)
    return /<nmaprun\b/.test(t) ? 0.97 : 0
  },
  async *read(file, warn) {
    for await (const {node: h} of xmlElements(file, (p) => p.length === 2 && p[0] === 'nmaprun' && p[1] === 'host', warn)) {
      if (child(h, 'status')?.attrs.state !== 'up') continue
      const addresses = h.children.filter((c) => c.name === 'address')
      const address = (addresses.find((a) => a.attrs.addrtype !== 'mac') ?? addresses[0])?.attrs.addr
      const hostname = descendants(h, 'hostname').find((n) => n.attrs.type === 'user')?.attrs.name ?? descendants(h, 'hostname')[0]?.attrs.name
      const host = hostname ?? address ?? 'unknown'
      for (const port of descendants(h, 'port')) {
        const service = child(port, 'service')
        const product = service?.attrs.product?.trim()
        if (!service || !product) continue
        const cpe = descendants(service, 'cpe').map((c) => c.text.trim()).find((c) => c.startsWith('cpe:/a:')) ?? descendants(service, 'cpe')[0]?.text.trim()
        const [, , vendor, cpeProduct] = cpe?.split(':') ?? []
        const byCpe = vendor && cpeProduct ? productOf(product, [`${vendor}:${cpeProduct}`]).product : undefined
        const row: Software = {
          host, name: product, version: service.attrs.version?.trim() || undefined, vendor: vendor ? vendor.replace(/_/g, ' ') : undefined,
          kind: 'service', versionScheme: 'dotted', ...(byCpe ? {product: byCpe} : {}),
          source: {file, reader: NAME, line: service.line, path: `${address ?? host}:${port.attrs.protocol ?? 'tcp'}/${port.attrs.portid ?? '?'} ${service.attrs.name ?? ''}`.trim()},
        }
        yield row
      }
    }
  },
}
