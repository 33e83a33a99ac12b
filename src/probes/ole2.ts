// The compound-file probe: encryption and IRM first (they hide everything else), then VBA, the
// application streams (Workbook, WordDocument, PowerPoint Document), embedded objects and controls.
import {bufferBytes, openCfb, type Cfb} from '../containers/cfb.js'
import {decryptPackage, type DecryptedPackage} from '../containers/ooxml-crypto.js'
import {bufferSource} from '../containers/source.js'
import {openZip} from '../containers/zip.js'
import type {ArtifactMetadata, Feature} from '../model.js'
import {decryptBiff, walkBiff} from './biff.js'
import {hwpFeatures} from './hwp.js'
import {checkRc4} from './office-crypto.js'
import {packageFeatures} from './package.js'
import {powerPointFeatures} from './powerpoint.js'
import {addFeature, checkDeadline, mergeFeatures, type Probe, type ProbeOptions, type ProbeResult} from './probe.js'
import {summaryInformation} from '../containers/property-set.js'
import {vbaFeatures} from './vba.js'
import {visioFeatures} from './visio.js'
import {wordFeatures} from './word.js'

const MAX_WORKBOOK = 32 * 1024 * 1024
const AFTER_DEFAULT = 'behind the default password: '

/** Features and metadata of a compound file; `decrypted` is identification's default-password attempt, if it made one, and `format` what identification named. */
export async function compoundFeatures(cfb: Cfb, options: ProbeOptions, decrypted?: DecryptedPackage, format?: string): Promise<ProbeResult> {
  const features: Feature[] = []
  const warnings: string[] = []
  const metadata: ArtifactMetadata = await summaryInformation(cfb).catch(() => ({}))
  const result = {features, warnings, metadata}
  const names = new Set(cfb.entries.map((e) => e.path))
  const drm = cfb.entries.find((e) => /DRM(Encrypted)?(DataSpace|Transform|Content)/i.test(e.name))
  if (drm) {
    addFeature(features, 'irm', `Microsoft IRM/RMS protection (${drm.path.replace(/[\x00-\x1f]/g, '')})`)
    return result
  }
  const info = cfb.find('EncryptionInfo')
  const pkg = cfb.find('EncryptedPackage')
  if (info && pkg) {
    await encryptedPackage(cfb, info, options, result, decrypted)
    return result
  }
  const vba = await vbaFeatures(cfb, '')
  mergeFeatures(features, vba.features)
  warnings.push(...vba.warnings)
  checkDeadline(options, 'reading VBA')
  const book = cfb.find('Workbook') ?? cfb.find('Book')
  if (book) await workbook(cfb, book, options, result)
  const word = await wordFeatures(cfb)
  mergeFeatures(features, word.features)
  const ppt = await powerPointFeatures(cfb)
  mergeFeatures(features, ppt.features)
  warnings.push(...ppt.warnings)
  const visio = await visioFeatures(cfb)
  mergeFeatures(features, visio.features)
  warnings.push(...visio.warnings)
  // Quattro Pro 7/8 (identification read its BOF in PerfectOffice_MAIN), superseded by version 9's .qpw.
  if (format === 'wb3') addFeature(features, 'pre97-binary', 'Quattro Pro 7/8 notebook (PerfectOffice_MAIN)')
  if (format === 'wpd') addFeature(features, 'pre97-binary', 'WordPerfect document (in PerfectOffice_MAIN)')
  if (format === 'hwp') mergeFeatures(features, await hwpFeatures(cfb))
  containedObjects(cfb, features, names)
  if (names.has('__properties_version1.0')) await smimeMessage(cfb, features).catch((e: Error) => warnings.push(`S/MIME check skipped: ${e.message}`))
  // Streams that run past the end of a file cut short were read up to the cut.
  if (cfb.truncated) warnings.push(`${cfb.truncated}: what lies past the cut was not read`)
  return result
}

// An Outlook message of class IPM.Note.SMIME carries the whole message as one smime.p7m attachment: CMS
// EnvelopedData when it is encrypted (SignedData when only signed, opaquely). The content type's OID is in
// the attachment's first bytes ([MS-OXOSMIME]; RFC 5652).
const ENVELOPED_DATA = Buffer.from([0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x03])
async function smimeMessage(cfb: Cfb, features: Feature[]) {
  const cls = cfb.find('__substg1.0_001A001F') ?? cfb.find('__substg1.0_001A001E')
  if (!cls) return
  const raw = await cfb.readStream(cls, 256)
  const messageClass = (cls.name.endsWith('1F') ? raw.toString('utf16le') : raw.toString('latin1')).replace(/\0+$/, '')
  // PGP/MIME (RFC 3156): a multipart/encrypted message keeps an application/pgp-encrypted part.
  for (const tag of cfb.entries.filter((e) => /^__attach_version1\.0_#[0-9A-F]{8}\/__substg1\.0_370E001[EF]$/i.test(e.path)).slice(0, 64)) {
    const t = await cfb.readStream(tag, 128)
    if (/^application\/pgp-encrypted/i.test((tag.name.endsWith('1F') ? t.toString('utf16le') : t.toString('latin1')).replace(/\0+$/, ''))) {
      addFeature(features, 'encrypted', `PGP/MIME encrypted message (${messageClass}, application/pgp-encrypted part)`)
      return
    }
  }
  if (!/^IPM\.Note\.SMIME$/i.test(messageClass)) return
  const data = cfb.entries.find((e) => /^__attach_version1\.0_#[0-9A-F]{8}\/__substg1\.0_37010102$/i.test(e.path))
  if (data && (await cfb.readStream(data, 64)).includes(ENVELOPED_DATA)) addFeature(features, 'encrypted', `S/MIME encrypted message (${messageClass}, CMS EnvelopedData attachment)`)
}

async function encryptedPackage(cfb: Cfb, info: Cfb['entries'][number], options: ProbeOptions, result: ProbeResult, decrypted?: DecryptedPackage) {
  if (!options.defaultPassword) {
    const head = await cfb.readStream(info, 4)
    addFeature(result.features, 'encrypted', `OOXML EncryptedPackage (EncryptionInfo ${head.length >= 4 ? `${head.readUInt16LE(0)}.${head.readUInt16LE(2)}` : '?'})`)
    return
  }
  // Identification normally tried the password already: reuse its result rather than derive the key twice.
  const {scheme, plain} = decrypted ?? (await decryptPackage(cfb))
  addFeature(result.features, 'encrypted', `OOXML EncryptedPackage, ${scheme}`)
  if (!plain) return
  addFeature(result.features, 'default-password', `opens with Excel's default password VelvetSweatshop (${scheme})`)
  checkDeadline(options, 'decrypting')
  try {
    const inner = await packageFeatures(await openZip(bufferSource('EncryptedPackage', plain)), options)
    mergeFeatures(result.features, inner.features, AFTER_DEFAULT)
    Object.assign(result.metadata, inner.metadata)
  } catch (e) {
    result.warnings.push(`the decrypted package is unreadable: ${(e as Error).message}`)
  }
}

async function workbook(cfb: Cfb, book: Cfb['entries'][number], options: ProbeOptions, result: ProbeResult) {
  if (book.size > MAX_WORKBOOK) result.warnings.push(`only the first ${MAX_WORKBOOK} bytes of the workbook stream were walked`)
  const walk = await walkBiff(await cfb.openStream(book, MAX_WORKBOOK))
  mergeFeatures(result.features, walk.features)
  // The BOF version decides; the stream name (Book: Excel 5/95) only when no BOF could be read (Crystal
  // Reports writes BIFF8 into a stream named BOOK).
  if (walk.version !== undefined ? walk.version < 0x0600 : /^book$/i.test(book.name)) addFeature(result.features, 'pre97-binary', `BIFF5 or older workbook stream (${book.name})`)
  if (!walk.filepass || !walk.defaultPassword || !options.defaultPassword) return
  addFeature(result.features, 'default-password', `opens with Excel's default password VelvetSweatshop (${walk.encryption})`)
  const keys = walk.filepass.readUInt16LE(0) === 1 ? checkRc4(walk.filepass.subarray(2)) : undefined
  if (!keys) return
  checkDeadline(options, 'decrypting')
  const stream = await cfb.readStream(book, MAX_WORKBOOK)
  mergeFeatures(result.features, (await walkBiff(bufferBytes(decryptBiff(stream, keys)), {decrypted: true})).features, AFTER_DEFAULT)
}

// Embedded objects live in ObjectPool (Word) or MBD* storages (Excel); ActiveX controls in ObjectPool
// storages with an OCXNAME stream, or the Ctls stream (Excel). Outlook attachments are storages too.
function containedObjects(cfb: Cfb, features: Feature[], names: Set<string>) {
  const pools = cfb.entries.filter((e) => e.type === 'storage' && (/^ObjectPool\/[^/]+$/.test(e.path) || /^MBD[0-9A-F]{8}$/i.test(e.path)))
  const controls = pools.filter((s) => names.has(`${s.path}/\u0003OCXNAME`) || names.has(`${s.path}/\u0003OCXDATA`))
  const objects = pools.filter((s) => !controls.includes(s))
  const msg = names.has('__properties_version1.0')
  if (objects.length > 0 && !msg) addFeature(features, 'ole-embedded', `${objects.length} embedded OLE object(s): ${objects.slice(0, 5).map((o) => o.path).join(', ')}`)
  if (controls.length > 0) addFeature(features, 'activex', `${controls.length} ActiveX control(s) in ObjectPool`)
  if (names.has('Ctls')) addFeature(features, 'activex', 'Excel Ctls stream (ActiveX controls)')
  const attachments = cfb.entries.filter((e) => e.type === 'storage' && /^__attach_version1\.0_#/.test(e.path) && !e.path.includes('/'))
  if (msg && attachments.length > 0) addFeature(features, 'attachments', `${attachments.length} Outlook attachment(s)`)
  const sig = cfb.entries.find((e) => /^(_signatures|\u0005DigitalSignature|_xmlsignatures|MsoDataStore\/.*signature)$/i.test(e.path))
  if (sig) addFeature(features, 'digital-signature', `signature storage ${sig.path.replace(/[\x00-\x1f]/g, '')}`)
}

/** The probe for OLE2 files. */
export const compoundProbe: Probe = {
  name: 'ole2',
  applies: (i) => i.container.kind === 'ole2',
  run: (i, options) => (i.container.kind === 'ole2' ? compoundFeatures(i.container.cfb, options, i.container.decrypted, i.format) : Promise.resolve({})),
}

/** Probe a compound file held in memory (an embedded vbaProject.bin or object). */
export async function compoundFeaturesOfBytes(bytes: Buffer, options: ProbeOptions): Promise<ProbeResult> {
  return compoundFeatures(await openCfb(bufferSource('embedded', bytes)), options)
}
