// CycloneDX JSON SBOMs (syft, trivy, cdxgen, the CycloneDX plugins): components[] nested to any depth;
// metadata.component is the thing described (the "host"), not one of its components.
import type {Software} from '../../model.js'
import type {Reader} from '../reader.js'
import {decodeHead, hostFromFile, readJson} from '../source.js'
import {componentKind, purlScheme, type SbomComponent} from './sbom.js'

const NAME = 'cyclonedx-json'
type Bom = {bomFormat?: string; metadata?: {component?: SbomComponent}; components?: SbomComponent[]}

/** Flatten nested components into Software rows, depth first. */
export function* flattenComponents(list: SbomComponent[], host: string, file: string, reader: string, path: string): Generator<Software> {
  for (const [i, c] of list.entries()) {
    const at = `${path}[${i}]`
    if (c && typeof c.name === 'string' && c.name.trim()) {
      const name = c.group ? `${c.group}${c.purl?.startsWith('pkg:maven') ? ':' : '/'}${c.name}` : c.name
      const vendor = c.publisher || c.supplier?.name || c.author || undefined
      yield {
        host, name: name.trim(), version: c.version || undefined, vendor, versionScheme: purlScheme(c.purl),
        kind: componentKind(c.type), purl: c.purl || undefined, source: {file, reader, path: at},
      }
    }
    if (Array.isArray(c?.components)) yield* flattenComponents(c.components, host, file, reader, `${at}.components`)
  }
}

export const cyclonedxJson: Reader = {
  name: NAME,
  description: 'CycloneDX JSON SBOM (components nested to any depth)',
  produce: 'syft dir:/srv/app -o cyclonedx-json=bom.json (or trivy fs --format cyclonedx, cdxgen, the CycloneDX build plugins)',
  sniff(head) {
    const t = decodeHead(head)
    return /^\s*\{/.test(t) && /"bomFormat"\s*:\s*"CycloneDX"/.test(t) ? 0.97 : 0
  },
  async *read(file, _warn, options = {}) {
    const bom = (await readJson(file)) as Bom
    const m = bom.metadata?.component
    const host = options.host ?? (m?.name ? `${m.name}${m.version ? `@${m.version}` : ''}` : hostFromFile(file))
    yield* flattenComponents(Array.isArray(bom.components) ? bom.components : [], host, file, NAME, 'components')
  },
}
