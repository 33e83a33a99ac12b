// Identification of one opened file: magic bytes first, then the container's own structure.
// The extension never decides alone; it only breaks ties the bytes leave open (said in `basis`
// and `warnings`) and raises the mismatch flag.
import {CfbError, openCfb} from '../containers/cfb.js'
import type {Inspection, OpenedContainer} from '../containers/opened.js'
import type {Source} from '../containers/source.js'
import {openZip, openZipFromLocalHeaders, ZipError} from '../containers/zip.js'
import type {ErrorInfo} from '../model.js'
import {extensionFits, formatsForExtension} from './formats.js'
import {pdfHeaderAt, sniffMagic} from './magic.js'
import {decideEncrypted} from './encrypted.js'
import {identifyCfb} from './ole2.js'
import {sniffText} from './text.js'
import {identifyZip, packageFamilyByMainPart} from './zip.js'

export type Identification = {
  format: string
  basis: string[]
  warnings: string[]
  extensionMismatch: boolean
  error?: ErrorInfo
  inspection: Inspection
}

type Step = {format: string; basis: string[]; warnings: string[]; container: OpenedContainer}

/** Switches of identification. */
export type IdentifyFileOptions = {
  /** Decrypt ECMA-376 packages with Excel's documented default password to name their subtype (default on). */
  defaultPassword?: boolean
}

/** Identify the file behind a Source by its content. */
export async function identify(source: Source, extension: string, options: IdentifyFileOptions = {}): Promise<Identification> {
  const step: Step = {format: 'unknown', basis: [], warnings: [], container: {kind: 'plain'}}
  let error: ErrorInfo | undefined
  try {
    await decide(source, extension, step, options)
  } catch (e) {
    // A broken container keeps the format its signature gave, with the reason as an error.
    error = {code: (e as {code?: string}).code ?? 'corrupt-container', message: (e as Error).message}
  }
  const {format, basis, warnings, container} = step
  // Generic formats come under countless extensions (text and XML: .py, .sh, .yml; ZIP: .jar, .kmz, .whl;
  // OLE2 and gzip likewise): for them only an extension that names another known format is a mismatch.
  const generic = GENERIC.has(format)
  const extensionMismatch = format !== 'unknown' && extension !== '' && !extensionFits(format, extension) && (!generic || formatsForExtension(extension).length > 0)
  return {format, basis, warnings, extensionMismatch, error, inspection: {source, extension, format, container}}
}

const GENERIC = new Set(['txt', 'xml', 'zip', 'cfb', 'gzip'])

// An indirect object opening a dictionary, at the start of a line: "1 0 obj <<".
const PDF_BODY = /(?:^|[\r\n])\d{1,7}\s+\d{1,5}\s+obj\s*<</

async function decide(source: Source, extension: string, step: Step, options: IdentifyFileOptions): Promise<void> {
  const head = source.head
  const hit = sniffMagic(head, extension)
  if (hit && 'container' in hit) {
    step.format = hit.container === 'ole2' ? 'cfb' : 'zip'
    step.basis = [hit.basis]
    const d = hit.container === 'ole2' ? await inOle2(source, extension, step, options) : await inZip(source, extension, step)
    step.format = d.format
    step.basis.push(...d.basis)
    step.warnings.push(...d.warnings)
    // A compound file cut short: named from what lies before the cut, and recorded as truncated.
    if (step.container.kind === 'ole2' && step.container.cfb.truncated) throw new CfbError(`${step.container.cfb.truncated}; the format is named from the directory entries before the cut`, 'truncated')
    return
  }
  if (hit) {
    Object.assign(step, {format: hit.format, basis: [hit.basis], warnings: hit.warnings ?? []})
    return
  }
  const pdfAt = pdfHeaderAt(head)
  if (pdfAt >= 0) {
    step.container = {kind: 'pdf'}
    step.basis = [`%PDF- header at ${pdfAt}`]
    // Illustrator saves native .ai files as PDF with private data: the bytes say "PDF"; the extension says "ai".
    if (extension === 'ai') {
      step.format = 'ai'
      step.basis.push('extension .ai: Illustrator writes its native files as PDF')
      step.warnings.push('PDF-based Illustrator file: ai taken from the extension')
    } else step.format = 'pdf'
    return
  }
  if (source.size === 0) {
    step.basis = ['empty file']
    return
  }
  // A damaged header ("%PDF1.4", "%1.4", none at all) over a PDF body: readers still open it, and calling
  // it text would hide a PDF from the audit. Numbered objects with a dictionary in the first KiB say PDF.
  const body = PDF_BODY.exec(head.toString('latin1', 0, 1024))
  if (body) {
    const object = body[0].trimStart()
    Object.assign(step, {format: 'pdf', container: {kind: 'pdf'}, basis: [`PDF object "${object.replace(/\s+/g, ' ')}" at ${body.index + body[0].length - object.length}, without a valid %PDF- header`], warnings: ['the %PDF- header is missing or malformed']})
    return
  }
  const text = sniffText(head, extension)
  if (text) Object.assign(step, {format: text.format, basis: [text.basis], warnings: text.warnings ?? []})
}

async function inOle2(source: Source, extension: string, step: Step, options: IdentifyFileOptions) {
  const cfb = await openCfb(source)
  const container: OpenedContainer = {kind: 'ole2', cfb}
  step.container = container
  const d = await identifyCfb(cfb, extension)
  return options.defaultPassword === false ? d : decideEncrypted(cfb, extension, d, container)
}

async function inZip(source: Source, extension: string, step: Step) {
  const zip = await openZip(source).catch(async (e: unknown) => {
    // An archive cut short: named from the local headers before the cut, and recorded as truncated.
    if (!(e instanceof ZipError) || e.code !== 'truncated') throw e
    const local = await openZipFromLocalHeaders(source).catch(() => undefined)
    let d = local && local.entries.length > 0 ? await identifyZip(local, extension).catch(() => undefined) : undefined
    if (local && d?.format === 'zip') d = (await packageFamilyByMainPart(local, extension).catch(() => undefined)) ?? d
    if (d && d.format !== 'zip') Object.assign(step, {format: d.format, basis: [...step.basis, ...d.basis, 'read from the local headers before the cut (no central directory)'], warnings: [...step.warnings, ...d.warnings]})
    throw e
  })
  step.container = {kind: 'zip', zip}
  return identifyZip(zip, extension)
}
