// ZIP packages: dispatch to the OOXML or ODF probe by the package's own markers (never the extension),
// sharing one reader that caps every inflated part and the total inflated per file.
import {xmlText} from '../containers/xml.js'
import type {Zip, ZipEntry} from '../containers/zip.js'
import type {ArtifactMetadata, Feature} from '../model.js'
import {odfFeatures} from './odf.js'
import {ooxmlFeatures} from './ooxml.js'
import {addFeature, type Probe, type ProbeOptions, type ProbeResult} from './probe.js'

const MAX_PART = 8 * 1024 * 1024
const MAX_TOTAL = 32 * 1024 * 1024

/** Reads package parts as text or bytes, within the per-file inflation budget. */
export type PartReader = {
  zip: Zip
  names: string[]
  /** The part's bytes, or undefined when absent, too big or broken (a warning says why). */
  bytes(name: string | ZipEntry, max?: number): Promise<Buffer | undefined>
  text(name: string | ZipEntry, max?: number): Promise<string | undefined>
  warnings: string[]
  features: Feature[]
  metadata: ArtifactMetadata
  options: ProbeOptions
}

/** A reader over one opened package. */
export function partReader(zip: Zip, options: ProbeOptions): PartReader {
  let spent = 0
  const reader: PartReader = {
    zip,
    names: zip.entries.map((e) => e.name),
    warnings: [],
    features: [],
    metadata: {},
    options,
    async bytes(name, max = MAX_PART) {
      const entry = typeof name === 'string' ? zip.find(name) : name
      if (!entry) return undefined
      if (entry.size > max || spent + entry.size > MAX_TOTAL) {
        reader.warnings.push(`${entry.name} (${entry.size} bytes) was not inflated: over the probe budget`)
        return undefined
      }
      if (Date.now() > options.deadline) {
        reader.warnings.push(`${entry.name} was not read: time budget spent`)
        return undefined
      }
      try {
        const b = await zip.read(entry, max)
        spent += b.length
        return b
      } catch (e) {
        reader.warnings.push((e as Error).message)
        return undefined
      }
    },
    async text(name, max) {
      const b = await reader.bytes(name, max)
      if (!b) return undefined
      return xmlText(b)
    },
  }
  return reader
}

/** Features of a ZIP package (OOXML, ODF; other archives give nothing). */
export async function packageFeatures(zip: Zip, options: ProbeOptions): Promise<ProbeResult> {
  const reader = partReader(zip, options)
  if (zip.find('[Content_Types].xml')) await ooxmlFeatures(reader)
  else if (zip.find('mimetype') || zip.find('META-INF/manifest.xml')) await odfFeatures(reader)
  // ZIP's own encryption (PKWARE or AES, general-purpose flag bit 0): the archive's contents cannot be read
  // without the password. Office and ODF packages never use it (they encrypt otherwise).
  const locked = zip.entries.filter((e) => e.encrypted)
  if (locked.length > 0) addFeature(reader.features, 'encrypted', `${locked.length} of ${zip.entries.length} entries password-encrypted (ZIP encryption), e.g. ${locked[0]!.name.slice(0, 120)}`)
  return {features: reader.features, warnings: reader.warnings, metadata: reader.metadata}
}

/** The probe for ZIP-based files. */
export const packageProbe: Probe = {
  name: 'package',
  applies: (i) => i.container.kind === 'zip',
  run: (i, options) => (i.container.kind === 'zip' ? packageFeatures(i.container.zip, options) : Promise.resolve({})),
}

/** The parts of a workbook's sheets of these kinds, beside the workbook part. */
export function sheetParts(r: PartReader, book: string, kinds: string, extension: string): string[] {
  const dir = book.includes('/') ? `${book.slice(0, book.lastIndexOf('/') + 1)}` : ''
  return r.names.filter((n) => n.startsWith(dir) && new RegExp(`^(${kinds})/[^/]+\\.${extension}$`).test(n.slice(dir.length)))
}
