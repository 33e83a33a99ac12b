// `winget export -o packages.json [--include-versions]` (schema winget-packages.schema.2.0.json):
// Sources[].Packages[].PackageIdentifier (Publisher.Product), Version only with --include-versions.
import type {Reader} from '../reader.js'
import {decodeHead, hostFromFile, readJson} from '../source.js'

const NAME = 'winget-export-json'
type Winget = {Sources?: Array<{Packages?: Array<{PackageIdentifier?: string; Version?: string}>; SourceDetails?: {Name?: string}}>}

export const wingetJson: Reader = {
  name: NAME,
  description: 'winget export JSON (Sources[].Packages[].PackageIdentifier, Version with --include-versions)',
  produce: 'winget export -o packages.json --include-versions',
  sniff(head) {
    const t = decodeHead(head)
    if (!/^\s*\{/.test(t)) return 0
    if (/"PackageIdentifier"\s*:/.test(t) && /"Sources"\s*:/.test(t)) return 0.95
    return /winget-packages\.schema/.test(t) ? 0.9 : 0
  },
  async *read(file, warn, options = {}) {
    const doc = (await readJson(file)) as Winget
    const host = options.host ?? hostFromFile(file)
    for (const [si, source] of (doc.Sources ?? []).entries()) {
      for (const [pi, p] of (source.Packages ?? []).entries()) {
        const path = `Sources[${si}].Packages[${pi}]`
        if (typeof p?.PackageIdentifier !== 'string' || !p.PackageIdentifier.trim()) {
          warn({file, message: `${path} has no PackageIdentifier; skipped`})
          continue
        }
        const id = p.PackageIdentifier.trim()
        // Store ids (9N…) are opaque; winget ids are Publisher.Product.
        const vendor = source.SourceDetails?.Name === 'msstore' || /^[0-9A-Z]{12}$/.test(id) ? undefined : id.split('.')[0]
        yield {host, name: id, vendor, version: p.Version?.trim() || undefined, kind: 'application', source: {file, reader: NAME, path}}
      }
    }
  },
}
