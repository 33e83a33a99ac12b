// CycloneDX XML SBOMs (namespace http://cyclonedx.org/schema/bom/1.x): <bom><components><component>
// nested through <components>; the <metadata><component> is the subject, not a component.
import type {Reader} from '../reader.js'
import {decodeHead, hostFromFile} from '../source.js'
import {child, childText, xmlElements, type XmlNode} from '../xml.js'
import {flattenComponents} from './cyclonedx-json.js'
import type {SbomComponent} from './sbom.js'

const NAME = 'cyclonedx-xml'

function toComponent(n: XmlNode): SbomComponent {
  return {
    type: n.attrs.type, name: childText(n, 'name'), group: childText(n, 'group') || undefined, version: childText(n, 'version') || undefined,
    publisher: childText(n, 'publisher') || undefined, author: childText(n, 'author') || undefined,
    supplier: child(n, 'supplier') ? {name: childText(child(n, 'supplier'), 'name')} : undefined, purl: childText(n, 'purl') || undefined,
    components: child(n, 'components')?.children.filter((c) => c.name === 'component').map(toComponent),
  }
}

export const cyclonedxXml: Reader = {
  name: NAME,
  description: 'CycloneDX XML SBOM (components nested to any depth)',
  produce: 'syft dir:/srv/app -o cyclonedx-xml=bom.xml (or the CycloneDX Maven/Node plugins)',
  sniff(head) {
    const t = decodeHead(head)
    return /<bom\b[^>]*xmlns(:\w+)?="http:\/\/cyclonedx\.org\/schema\/bom/.test(t) ? 0.97 : 0
  },
  async *read(file, warn, options = {}) {
    let host = options.host
    let i = 0
    const wanted = (p: string[]) => p[0] === 'bom' && ((p.length === 3 && p[1] === 'metadata' && p[2] === 'component') || (p.length === 3 && p[1] === 'components' && p[2] === 'component'))
    for await (const {node, path} of xmlElements(file, wanted, warn)) {
      if (path[1] === 'metadata') {
        const name = childText(node, 'name')
        host ??= name ? `${name}${childText(node, 'version') ? `@${childText(node, 'version')}` : ''}` : undefined
        continue
      }
      for (const s of flattenComponents([toComponent(node)], host ?? hostFromFile(file), file, NAME, `components[${i++}]`)) yield {...s, source: {...s.source, line: node.line}}
    }
  },
}
