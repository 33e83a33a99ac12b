// Word binary documents ([MS-DOC]): the FIB says the generation (nFib) and whether the document is
// encrypted; field codes in the text stream reveal DDE links and linked OLE objects (LINK).
import type {Cfb} from '../containers/cfb.js'
import type {Feature} from '../model.js'

const MAX_TEXT = 16 * 1024 * 1024
// A field begins with 0x13; DDE and DDEAUTO fields start a link to another program. Text is either
// 8-bit or UTF-16LE, so both spellings are looked for.
const DDE_8 = /\x13\s*(DDE(?:AUTO)?)\s+([^\x14\x15]{0,120})/i
// LINK fields: OLE objects linked to another file (Paste Special > Paste link).
const LINK_8 = /\x13\s*LINK\s+([^\x14\x15]{1,120})/
const LINK_16 = /\x13\x00(?:\s\x00)*L\x00I\x00N\x00K\x00\s\x00((?:[^\x14\x15]\x00){1,120})/
const DDE_16 = /\x13\x00(?:\s\x00)*(D\x00D\x00E\x00(?:A\x00U\x00T\x00O\x00)?)\s\x00((?:[^\x14\x15]\x00){0,120})/i

/** Features of the WordDocument stream (and whether it is encrypted, so callers skip the rest). */
export async function wordFeatures(cfb: Cfb): Promise<{features: Feature[]; encrypted: boolean}> {
  const features: Feature[] = []
  const entry = cfb.find('WordDocument')
  if (!entry) return {features, encrypted: false}
  const fib = await cfb.readStream(entry, 1024)
  if (fib.length < 12) return {features, encrypted: false}
  const nFib = fib.readUInt16LE(2)
  const flags = fib.readUInt16LE(0x0a)
  if (nFib < 0x00c0) features.push({id: 'pre97-binary', evidence: `Word FIB nFib=0x${nFib.toString(16)} (Word 6/95 or older)`})
  if (flags & 0x0100) {
    features.push({id: 'encrypted', evidence: `Word FIB fEncrypted${flags & 0x8000 ? ' (XOR obfuscation)' : ''}`})
    return {features, encrypted: true}
  }
  const text = (await cfb.readStream(entry, MAX_TEXT)).toString('latin1')
  const m = DDE_8.exec(text) ?? DDE_16.exec(text)
  if (m) features.push({id: 'dde', evidence: `Word field ${m[1]!.replace(/\x00/g, '')} ${m[2]!.replace(/\x00/g, '').trim().slice(0, 80)}`})
  const link = LINK_8.exec(text) ?? LINK_16.exec(text)
  if (link) features.push({id: 'external-links', evidence: `Word field LINK ${link[1]!.replace(/\x00/g, '').trim().slice(0, 100)}`})
  return {features, encrypted: false}
}
