// SPDX 2.x JSON (sbom-tool, syft, trivy, Yocto): packages[] with name, versionInfo, supplier
// ("Organization: X" / "Person: Y" / NOASSERTION) and externalRefs (purl, cpe23Type).
import type {Reader} from '../reader.js'
import {decodeHead, hostFromFile, readJson} from '../source.js'
import {purlScheme} from './sbom.js'

const NAME = 'spdx-json'
type Ref = {referenceType?: string; referenceLocator?: string}
type Pkg = {SPDXID?: string; name?: string; versionInfo?: string; supplier?: string; originator?: string; externalRefs?: Ref[]; primaryPackagePurpose?: string}
type Doc = {spdxVersion?: string; name?: string; documentDescribes?: string[]; packages?: Pkg[]; relationships?: Array<{spdxElementId?: string; relationshipType?: string; relatedSpdxElement?: string}>}

/** "Organization: Adobe Inc. (email)" → "Adobe Inc."; NOASSERTION → undefined. */
export function spdxAgent(s?: string): string | undefined {
  if (!s || /^NOASSERTION|^NONE/i.test(s.trim())) return undefined
  return s.replace(/^(Organization|Person|Tool):\s*/i, '').replace(/\s*\([^)]*\)\s*$/, '').trim() || undefined
}

export const spdxJson: Reader = {
  name: NAME,
  description: 'SPDX 2.x JSON document (packages[] with versionInfo, supplier, purl)',
  produce: 'syft dir:/srv/app -o spdx-json=sbom.spdx.json (or sbom-tool generate, trivy --format spdx-json)',
  sniff(head) {
    const t = decodeHead(head)
    return /^\s*\{/.test(t) && /"spdxVersion"\s*:\s*"SPDX-/.test(t) ? 0.97 : 0
  },
  async *read(file, _warn, options = {}) {
    const doc = (await readJson(file)) as Doc
    const packages = Array.isArray(doc.packages) ? doc.packages : []
    const describedId = doc.documentDescribes?.[0] ?? doc.relationships?.find((r) => r.relationshipType === 'DESCRIBES' && r.spdxElementId === 'SPDXRef-DOCUMENT')?.relatedSpdxElement
    const described = packages.find((p) => p.SPDXID === describedId)
    const host = options.host ?? described?.name ?? doc.name ?? hostFromFile(file)
    for (const [i, p] of packages.entries()) {
      if (!p?.name) continue
      const purl = p.externalRefs?.find((r) => r.referenceType === 'purl')?.referenceLocator
      yield {
        host, name: p.name, version: p.versionInfo && p.versionInfo !== 'NOASSERTION' ? p.versionInfo : undefined,
        vendor: spdxAgent(p.supplier) ?? spdxAgent(p.originator), versionScheme: purlScheme(purl), purl,
        kind: p.primaryPackagePurpose === 'APPLICATION' || p.primaryPackagePurpose === 'OPERATING-SYSTEM' ? 'application' : 'package',
        source: {file, reader: NAME, path: `packages[${i}]`},
      }
    }
  },
}
