// PDF features (ISO 32000): encryption and its handler, XFA (static/dynamic), JavaScript, AcroForm
// fields, embedded files, Launch actions, signatures, PDF/A claims in XMP, Illustrator private data;
// metadata: version, producer/creator, fonts with embedded or not. Every object the file holds is
// looked at, including those inside object streams, so incremental updates are seen too: the xref
// path parses only objects whose bytes hold a name the checks below read (the sieve), and resolves
// the rest on demand; without a usable xref the whole file is scanned.
import {openPdf, type PdfSource} from '../containers/pdf-open.js'
import {makeSieve} from '../containers/pdf-sieve.js'
import {isDict, isName, isRef, isString, readPdf, type PdfDict, type PdfDocument, type PdfLimits, type PdfValue} from '../containers/pdf.js'
import {decodeEntities} from '../containers/xml.js'
import type {ArtifactMetadata, Feature, FontUse} from '../model.js'
import {collectFonts} from './fonts.js'
import {opensWithoutPassword} from '../containers/pdf-crypt.js'
import {addFeature, mergeFeatures, type Probe} from './probe.js'

const MAX_PDF = 48 * 1024 * 1024
// Every name pdfFeatures tests on an object it meets while iterating doc.objects (keys and values).
const SIEVE = makeSieve({
  words: ['JS', 'JavaScript', 'Launch', 'EF', 'FileAttachment', 'Sig', 'DocTimeStamp', 'Adobe.PPKLite', 'Metadata', 'EmbeddedFile'],
  prefixes: ['AIPrivateData'],
  pairs: [['Type', 'Font']],
})

// PDFDocEncoding (ISO 32000-1 Annex D.2) is Latin-1 except for these code points: typographic marks
// in 0x18-0x1F and 0x80-0xA0 ("Acrobat Distiller\x92" is "Acrobat Distiller\u2122", not a control).
const PDF_DOC: Record<number, string> = {
  0x18: '\u02d8', 0x19: '\u02c7', 0x1a: '\u02c6', 0x1b: '\u02d9', 0x1c: '\u02dd', 0x1d: '\u02db', 0x1e: '\u02da', 0x1f: '\u02dc',
  0x80: '\u2022', 0x81: '\u2020', 0x82: '\u2021', 0x83: '\u2026', 0x84: '\u2014', 0x85: '\u2013', 0x86: '\u0192', 0x87: '\u2044',
  0x88: '\u2039', 0x89: '\u203a', 0x8a: '\u2212', 0x8b: '\u2030', 0x8c: '\u201e', 0x8d: '\u201c', 0x8e: '\u201d', 0x8f: '\u2018',
  0x90: '\u2019', 0x91: '\u201a', 0x92: '\u2122', 0x93: '\ufb01', 0x94: '\ufb02', 0x95: '\u0141', 0x96: '\u0152', 0x97: '\u0160',
  0x98: '\u0178', 0x99: '\u017d', 0x9a: '\u0131', 0x9b: '\u0142', 0x9c: '\u0153', 0x9d: '\u0161', 0x9e: '\u017e', 0xa0: '\u20ac',
}

/** Decode a PDF text string: UTF-16BE or (PDF 2.0) UTF-8 with a byte order mark, else PDFDocEncoding. */
export function pdfText(v: PdfValue | undefined): string | undefined {
  if (!isString(v)) return undefined
  const b = Buffer.from(v.s, 'latin1')
  let text: string
  if (b[0] === 0xfe && b[1] === 0xff) text = Buffer.from(b.subarray(2, b.length - (b.length % 2))).swap16().toString('utf16le') // an odd last byte is dropped
  else if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) text = b.subarray(3).toString('utf8')
  else text = v.s.replace(/[\x18-\x1f\x80-\x9e\xa0]/g, (c) => PDF_DOC[c.charCodeAt(0)] ?? c)
  return text.replace(/\0+$/, '').trim()
}

/** Features and metadata of a parsed PDF. */
export function pdfFeatures(doc: PdfDocument): {features: Feature[]; metadata: ArtifactMetadata} {
  const features: Feature[] = []
  const metadata: ArtifactMetadata = {}
  const add = (id: string, evidence: string) => addFeature(features, id, evidence)
  const {resolve} = doc
  const encrypt = resolve(doc.trailer.Encrypt)
  if (isDict(encrypt)) encryption(encrypt.d, doc, add)
  else if (doc.trailer.Encrypt !== undefined) add('encrypted', '/Encrypt in the trailer, but the encryption dictionary cannot be read (damaged): content encrypted by an unknown handler')
  const catalog = resolve(doc.trailer.Root)
  let version = doc.version
  if (isDict(catalog)) {
    // The catalog's /Version (PDF 1.4+) overrides the header when later; only a well-formed one ("/2.0").
    const stated = isName(catalog.d.Version) && /^\d\.\d$/.test(catalog.d.Version.n) ? catalog.d.Version.n : undefined
    if (stated && (!version || Number(stated) > Number(version))) version = stated
    const form = resolve(catalog.d.AcroForm)
    if (isDict(form)) {
      if (form.d.XFA !== undefined) add('xfa', `AcroForm /XFA, ${catalog.d.NeedsRendering === true ? 'dynamic (NeedsRendering true)' : 'static'} form`)
      const fields = resolve(form.d.Fields)
      if (Array.isArray(fields) && fields.length > 0) add('acroform', `AcroForm with ${fields.length} top-level field(s)`)
    }
    const names = resolve(catalog.d.Names)
    // Writers leave empty trees (<< >>) behind: only a tree with entries counts.
    if (isDict(names) && nameTreeHasEntries(names.d.JavaScript, resolve)) add('pdf-javascript', 'document-level JavaScript name tree')
    if (isDict(names) && nameTreeHasEntries(names.d.EmbeddedFiles, resolve)) add('attachments', 'EmbeddedFiles name tree')
  }
  if (version) metadata.pdfVersion = version
  // The document's XMP is the catalog's /Metadata; pages, images and fonts may carry XMP of their own.
  const xmpStream = isDict(catalog) ? resolve(catalog.d.Metadata) : undefined
  if (isDict(xmpStream) && xmpStream.stream) xmp(xmpStream, doc, add, metadata)
  const fonts: FontUse[] = []
  for (const value of doc.objects.values()) {
    for (const d of directDicts(value)) {
      if (d.JS !== undefined || isName(d.S, 'JavaScript')) add('pdf-javascript', 'JavaScript action (/S /JavaScript or /JS)')
      if (isName(d.S, 'Launch')) add('launch-action', 'Launch action')
      // An attachment is a file specification carrying an embedded file (/EF); a bare EmbeddedFile stream
      // nothing points to is not shown to anyone. A FileAttachment annotation whose file specification
      // embeds nothing names a file elsewhere: a link, not an attachment.
      if (isDict(d.EF) || isRef(d.EF)) add('attachments', 'file specification with an embedded file (/EF)')
      if (isName(d.Subtype, 'FileAttachment')) attachmentAnnotation(d, resolve, add)
      // A signature dictionary counts when it holds signature bytes, not when it is an empty field, nor when
      // it is a usage-rights signature (/Perms /UR3: Reader Extensions unlocking features, not a signer).
      if ((isName(d.Type, 'Sig') || isName(d.Type, 'DocTimeStamp') || isName(d.Filter, 'Adobe.PPKLite')) && (d.Contents !== undefined || d.ByteRange !== undefined) && !usageRights(d, resolve)) add('digital-signature', `signature dictionary${isName(d.SubFilter) ? ` ${d.SubFilter.n}` : ''}`)
      if (Object.keys(d).some((k) => k.startsWith('AIPrivateData'))) add('ai-private-data', 'Adobe Illustrator private data (/AIPrivateData)')
      if (isName(d.Type, 'Font')) font(d, resolve, fonts)
    }
  }
  const info = resolve(doc.trailer.Info)
  if (isDict(info) && !isDict(encrypt)) {
    const producer = pdfText(resolve(info.d.Producer))
    const creator = pdfText(resolve(info.d.Creator))
    if (producer) metadata.producer = producer
    if (creator || producer) metadata.application = creator || producer
  }
  if (fonts.length > 0) metadata.fonts = fonts
  return {features, metadata}
}

function attachmentAnnotation(d: Record<string, PdfValue>, resolve: PdfDocument['resolve'], add: (id: string, evidence: string) => void) {
  const spec = resolve(d.FS)
  if (isDict(spec) && (isDict(spec.d.EF) || isRef(spec.d.EF))) add('attachments', 'FileAttachment annotation with an embedded file')
  else if (isDict(spec) || isString(spec)) {
    const file = pdfText(isDict(spec) ? spec.d.F : spec)
    add('external-links', `FileAttachment annotation naming a file it does not embed${file ? ` (${file.slice(0, 120)})` : ''}`)
  }
}

/** True when a signature dictionary's references all use the UR/UR3 transform (usage rights). */
function usageRights(sig: Record<string, PdfValue>, resolve: PdfDocument['resolve']): boolean {
  const refs = resolve(sig.Reference)
  if (!Array.isArray(refs) || refs.length === 0) return false
  return refs.every((r) => {
    const d = resolve(r)
    return isDict(d) && (isName(d.d.TransformMethod, 'UR3') || isName(d.d.TransformMethod, 'UR'))
  })
}

/** True when a name tree (ISO 32000 7.9.6) holds at least one key/value pair, in its root or a kid. */
function nameTreeHasEntries(tree: PdfValue | undefined, resolve: PdfDocument['resolve'], depth = 0): boolean {
  const node = resolve(tree)
  if (!isDict(node) || depth > 16) return false
  const names = resolve(node.d.Names)
  if (Array.isArray(names) && names.length >= 2) return true
  const kids = resolve(node.d.Kids)
  return Array.isArray(kids) && kids.slice(0, 64).some((kid) => nameTreeHasEntries(kid, resolve, depth + 1))
}

// Every dictionary of an object, nested ones included (actions sit inside /AA and /OpenAction).
function* directDicts(value: PdfValue, depth = 0): Generator<Record<string, PdfValue>> {
  if (depth > 32) return
  if (Array.isArray(value)) for (const v of value) yield* directDicts(v, depth + 1)
  else if (isDict(value)) {
    yield value.d
    for (const v of Object.values(value.d)) if (typeof v === 'object' && v !== null) yield* directDicts(v, depth + 1)
  }
}

/** Embedded files that are PDFs themselves, decoded within the stream cap (for one level of recursion). */
export function embeddedPdfs(doc: PdfDocument): Buffer[] {
  const out: Buffer[] = []
  for (const value of doc.objects.values()) {
    if (!isDict(value) || !isName(value.d.Type, 'EmbeddedFile') || out.length >= 8) continue
    const data = doc.streamData(value)
    if (data && data.subarray(0, 1024).includes('%PDF-')) out.push(data)
  }
  return out
}

// ISO 32000 7.6.5: with crypt filters (V 4 and 5), streams and strings use StmF and StrF (Identity when
// absent) and embedded files EFF. When only the attachments are encrypted and their filter's AuthEvent is
// EFOpen, the document opens without a password, which is asked for when an attachment is opened
// (AuthEvent DocOpen, the default, asks at opening as usual).
function attachmentsOnly(e: Record<string, PdfValue>, doc: PdfDocument): boolean {
  const identity = (v: PdfValue | undefined) => v === undefined || isName(v, 'Identity')
  const eff = e.EFF
  if (!(typeof e.V === 'number' && e.V >= 4 && identity(e.StmF) && identity(e.StrF) && isName(eff) && eff.n !== 'Identity')) return false
  const filters = doc.resolve(e.CF)
  const filter = isDict(filters) ? doc.resolve(filters.d[eff.n]) : undefined
  return isDict(filter) && isName(filter.d.AuthEvent, 'EFOpen')
}

function encryption(e: Record<string, PdfValue>, doc: PdfDocument, add: (id: string, evidence: string) => void) {
  const filter = isName(e.Filter) ? e.Filter.n : '?'
  if (filter === 'Standard' && attachmentsOnly(e, doc)) {
    add('encrypted', `only the embedded files are encrypted (crypt filter ${isName(e.EFF) ? e.EFF.n : '?'}, AuthEvent EFOpen; V=${e.V}, R=${e.R ?? '?'}): the document opens without a password`)
    return
  }
  add('encrypted', `/Encrypt with the ${filter} security handler (V=${e.V ?? '?'}, R=${e.R ?? '?'})`)
  if (/PubSec/i.test(filter)) add('certificate-encryption', `public-key security handler ${filter}`)
  else if (/MicrosoftIRMServices|Adobe\.APS/i.test(filter)) add('irm', `rights-management security handler ${filter}`)
  else if (filter === 'Standard') {
    const id = doc.resolve(doc.trailer.ID)
    const id0 = Array.isArray(id) && isString(id[0]) ? Buffer.from(id[0].s, 'latin1') : Buffer.alloc(0)
    const open = opensWithoutPassword(e, id0)
    if (open === false) add('requires-password', 'the empty user password does not open it: a password is required')
    else if (open === undefined) add('requires-password', 'the security handler data (/O, /U) is malformed: it cannot be opened without a password')
  }
}

function font(d: Record<string, PdfValue>, resolve: PdfDocument['resolve'], fonts: FontUse[]) {
  const base = isName(d.BaseFont) ? d.BaseFont.n.replace(/^[A-Z]{6}\+/, '') : undefined
  if (!base) return
  let descriptor = resolve(d.FontDescriptor)
  if (!isDict(descriptor) && isName(d.Subtype, 'Type0')) {
    const kids = resolve(d.DescendantFonts)
    const kid = Array.isArray(kids) ? resolve(kids[0]) : undefined
    if (isDict(kid)) descriptor = resolve(kid.d.FontDescriptor)
  }
  const embedded = isDict(descriptor) && (descriptor.d.FontFile !== undefined || descriptor.d.FontFile2 !== undefined || descriptor.d.FontFile3 !== undefined)
  collectFonts(fonts, base, embedded)
}

// XMP may be UTF-8, UTF-16 or UTF-32, either byte order, with or without a byte order mark (XMP part 1
// 7.3.3; PDF/A-1 accepts them all): told by the mark, else by where the NULs fall in the first character.
export function xmpText(b: Buffer): string {
  const z = [0, 1, 2, 3].map((i) => b[i] === 0)
  const mark = b.subarray(0, 4).toString('hex')
  if (mark === '0000feff' || (z[0] && z[1] && z[2] && !z[3])) return utf32(b, false)
  if (mark === 'fffe0000' || (!z[0] && z[1] && z[2] && z[3])) return utf32(b, true)
  if (mark.startsWith('feff') || (z[0] && !z[1] && z[2] && !z[3])) return Buffer.from(b.subarray(0, b.length - (b.length % 2))).swap16().toString('utf16le').replace(/^\ufeff/, '')
  if (mark.startsWith('fffe') || (!z[0] && z[1] && !z[2] && z[3])) return b.toString('utf16le').replace(/^\ufeff/, '')
  return b.toString('utf8')
}

function utf32(b: Buffer, littleEndian: boolean): string {
  const out: string[] = []
  for (let i = 0; i + 4 <= b.length; i += 4) {
    const c = littleEndian ? b.readUInt32LE(i) : b.readUInt32BE(i)
    if (c !== 0xfeff) out.push(c <= 0x10ffff ? String.fromCodePoint(c) : '\ufffd')
  }
  return out.join('')
}

const PDFA_NS = 'http://www.aiim.org/pdfa/ns/id/'

function xmp(stream: PdfDict, doc: PdfDocument, add: (id: string, evidence: string) => void, metadata: ArtifactMetadata) {
  const data = doc.streamData(stream)
  const xml = data ? xmpText(data) : undefined
  if (!xml) return
  // The PDF/A identification schema, under whatever prefix the packet binds to its namespace (pdfaid by
  // custom). Attributes may be quoted either way (pikepdf and OCRmyPDF write single quotes), or be elements.
  const prefixes = new Set(['pdfaid', ...[...xml.matchAll(/xmlns:([\w.-]+)\s*=\s*["']([^"']*)["']/g)].filter((m) => m[2] === PDFA_NS).map((m) => m[1]!)])
  const field = (name: string, value: string) => [...prefixes].map((p) => new RegExp(`${p.replace(/[.]/g, '\\.')}:${name}(?:\\s*=\\s*["']|>)\\s*(${value})`).exec(xml)?.[1]).find((v) => v !== undefined)
  const part = field('part', '\\d')
  const level = field('conformance', '[A-Za-z]')
  if (part) add('pdfa', `XMP claims PDF/A-${part}${level ? level.toLowerCase() : ''}`)
  // Attribute or element form, XML-escaped either way (&amp; and character references; no entity is defined here).
  const value = (re: RegExp) => {
    const m = re.exec(xml)
    const v = (m?.[1] ?? m?.[2] ?? m?.[3])?.trim()
    return v === undefined ? undefined : decodeEntities(v)
  }
  const tool = value(/xmp:CreatorTool(?:="([^"<]+)|='([^'<]+)|>([^<]+))/)
  const producer = value(/pdf:Producer(?:="([^"<]+)|='([^'<]+)|>([^<]+))/)
  if (producer && !metadata.producer) metadata.producer = producer
  if (tool && !metadata.application) metadata.application = tool
}

/** The probe for PDF files (and PDF-based formats such as Illustrator .ai). */
export const pdfProbe: Probe = {
  name: 'pdf',
  applies: (i) => i.container.kind === 'pdf' || (i.container.kind === 'plain' && i.source.head.subarray(0, 1024).includes('%PDF-')),
  async run(i, options) {
    const s = i.source
    const warnings: string[] = []
    const doc = await open(s, {deadline: options.deadline}, async () => {
      if (s.size > MAX_PDF) warnings.push(`only the first ${MAX_PDF} bytes of the PDF were read`)
      return s.size <= s.head.length ? s.head : s.read(0, Math.min(s.size, MAX_PDF))
    })
    const r = pdfFeatures(doc)
    warnings.unshift(...doc.warnings)
    // Attachments that are PDFs are looked into once (not recursively): their features travel with the file.
    for (const inner of embeddedPdfs(doc)) {
      const memory: PdfSource = {size: inner.length, head: inner.subarray(0, 4096), read: async (o, l) => inner.subarray(o, o + l)}
      const sub = pdfFeatures(await open(memory, {deadline: options.deadline, maxInflate: 16 * 1024 * 1024}, async () => inner))
      mergeFeatures(r.features, sub.features, 'in an attached PDF: ')
    }
    return {...r, warnings}
  },
}

// Through the xref when it holds, else a whole-file scan; the streams pdfFeatures decodes are read here.
async function open(src: PdfSource, limits: PdfLimits, whole: () => Promise<Buffer>): Promise<PdfDocument> {
  const doc = (await openPdf(src, SIEVE, limits)) ?? readPdf(await whole(), limits)
  for (const v of doc.objects.values()) {
    if (isDict(v) && v.stream && ((isName(v.d.Type, 'Metadata') && isName(v.d.Subtype, 'XML')) || isName(v.d.Type, 'EmbeddedFile'))) await doc.load?.(v)
  }
  return doc
}
