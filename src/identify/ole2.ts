// OLE2 compound files: the application is told by the stream names of the root storage.
import type {Cfb} from '../containers/cfb.js'

export type Decision = {format: string; basis: string[]; warnings: string[]}

/** Decide which application wrote a compound file, from its root streams (and the FIB for templates). */
export async function identifyCfb(cfb: Cfb): Promise<Decision> {
  const top = new Set(cfb.entries.filter((e) => !e.path.includes('/')).map((e) => e.name))
  if (top.has('WordDocument')) {
    // FIB base: wIdent 0xA5EC at 0; flags at 0x0A, bit 0 = fDot (the document is a template).
    const fib = await cfb.readStream(cfb.find('WordDocument')!, 16)
    const isTemplate = fib.length >= 12 && fib.readUInt16LE(0) === 0xa5ec && (fib.readUInt16LE(0x0a) & 1) === 1
    return isTemplate
      ? {format: 'dot', basis: ['OLE2 stream WordDocument', 'FIB fDot flag set'], warnings: []}
      : {format: 'doc', basis: ['OLE2 stream WordDocument'], warnings: []}
  }
  if (top.has('Workbook') || top.has('Book')) {
    return {format: 'xls', basis: [`OLE2 stream ${top.has('Workbook') ? 'Workbook' : 'Book'}`], warnings: []}
  }
  if (top.has('PowerPoint Document')) return {format: 'ppt', basis: ['OLE2 stream PowerPoint Document'], warnings: []}
  return {format: 'cfb', basis: ['OLE2 signature, no known application stream'], warnings: ['OLE2 file of an application Passerelle does not recognise yet']}
}
