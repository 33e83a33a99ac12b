// Identification of one opened file: magic bytes first, then the container's own structure.
// The extension never decides alone; it only breaks ties and raises the mismatch flag.
import {openCfb} from '../containers/cfb.js'
import type {Inspection, OpenedContainer} from '../containers/opened.js'
import type {Source} from '../containers/source.js'
import {openZip} from '../containers/zip.js'
import type {ErrorInfo} from '../model.js'
import {extensionFits} from './formats.js'
import {looksLikeText, sniffMagic} from './magic.js'
import {identifyCfb} from './ole2.js'
import {identifyZip} from './zip.js'

export type Identification = {
  format: string
  basis: string[]
  warnings: string[]
  extensionMismatch: boolean
  error?: ErrorInfo
  inspection: Inspection
}

/** Identify the file behind a Source by its content. */
export async function identify(source: Source, extension: string): Promise<Identification> {
  let container: OpenedContainer = {kind: 'plain'}
  let format = 'unknown'
  let basis: string[] = []
  let warnings: string[] = []
  let error: ErrorInfo | undefined
  const hit = sniffMagic(source.head)
  try {
    if (hit && 'format' in hit) {
      format = hit.format
      basis = [hit.basis]
      if (format === 'pdf') container = {kind: 'pdf'}
    } else if (hit?.container === 'ole2') {
      format = 'cfb'
      basis = [hit.basis]
      const cfb = await openCfb(source)
      container = {kind: 'ole2', cfb}
      const d = await identifyCfb(cfb)
      ;({format, warnings} = d)
      basis = [hit.basis, ...d.basis]
    } else if (hit?.container === 'zip') {
      format = 'zip'
      basis = [hit.basis]
      const zip = await openZip(source)
      container = {kind: 'zip', zip}
      const d = await identifyZip(zip)
      ;({format, warnings} = d)
      basis = [hit.basis, ...d.basis]
    } else if (source.size === 0) {
      basis = ['empty file']
    } else if (looksLikeText(source.head)) {
      format = 'txt'
      basis = ['no signature; bytes look like text']
    }
  } catch (e) {
    // A broken container keeps the format its signature gave, with the reason as an error.
    error = {code: (e as {code?: string}).code ?? 'corrupt-container', message: (e as Error).message}
  }
  const extensionMismatch = format !== 'unknown' && extension !== '' && !extensionFits(format, extension)
  return {format, basis, warnings, extensionMismatch, error, inspection: {source, extension, format, container}}
}
