// Visio binary drawings (.vsd/.vss/.vst, Visio 2000-2010): the VBA project is not a storage of the
// compound file but an OLE storage cut into "OLE data" streams (type 0x1f) of a document-level "OLE
// list" stream (type 0x0d) inside the VisioDocument stream, each usually compressed with Visio's LZ77
// variant. We walk the stream's pointer tree from the header's trailer pointer (the layout libvisio
// documents for versions 5, 6 and 11), join the pieces, and hand the storage to the VBA reader.
// Shape-level OLE objects live in chunk streams, which this walk does not enter.
import {CFB_SIGNATURE, type Cfb} from '../containers/cfb.js'
import type {Feature} from '../model.js'
import {vbaFeaturesOfBytes} from './vba.js'

const MAX_STREAM = 32 * 1024 * 1024
const MAX_STORAGE = 16 * 1024 * 1024
const MAX_INFLATED = 64 * 1024 * 1024
const MAX_DEPTH = 8
const MAX_POINTERS = 4096
const OLE_LIST = 0x0d
const OLE_DATA = 0x1f
const TRAILER = 0x14
// Visio 2000/2002 give the colours stream a pointer-stream format, but it holds colours, not pointers
// (libvisio skips it too): entering it reads a list offset made of colour values.
const COLOURS = 0x16

/** Raised when the walk would inflate more than its cap: it stops the whole walk, unlike a bad stream. */
class VisioBudgetError extends RangeError {}

type Pointer = {type: number; offset: number; length: number; format: number}

/** Inflate Visio's LZ77 variant: a flag byte per 8 items, set bit = literal, clear bit = 12-bit
 *  position in a 4 KiB ring (stored 18 bytes ahead) and 4-bit length - 3. */
export function inflateVisio(src: Buffer, maxOut = MAX_STORAGE): Buffer {
  const ring = Buffer.alloc(4096)
  const out = Buffer.alloc(Math.min(maxOut, src.length * 9))
  let pos = 0
  let i = 0
  while (i < src.length && pos < out.length) {
    const flags = src[i++]!
    for (let bit = 0; bit < 8 && i < src.length && pos < out.length; bit++) {
      if (flags & (1 << bit)) {
        out[pos] = ring[pos & 4095] = src[i++]!
        pos++
        continue
      }
      if (i + 1 >= src.length) return out.subarray(0, pos)
      const lo = src[i++]!
      const hi = src[i++]!
      const from = (((hi & 0xf0) << 4) | lo) + 18 // the ring position counts from 18 (it wraps at 4096)
      for (let j = 0; j < (hi & 15) + 3 && pos < out.length; j++, pos++) out[pos] = ring[pos & 4095] = ring[(from + j) & 4095]!
    }
  }
  return out.subarray(0, pos)
}

// Where a pointer stream keeps its pointers, per file version (libvisio's VSD6Parser / VSD5Parser).
type Layout = {pointer(b: Buffer, at: number): Pointer; size: number; list(data: Buffer, shift: number, type: number): {count: number; first: number}}
const MODERN: Layout = {
  // Versions 6 and 11: type u32, 4 bytes, offset, length, format u16; the list offset is the stream's first dword.
  pointer: (b, at) => ({type: b.readUInt32LE(at), offset: b.readUInt32LE(at + 8), length: b.readUInt32LE(at + 12), format: b.readUInt16LE(at + 16)}),
  size: 18,
  list(data, shift) {
    const at = shift + data.readUInt32LE(shift)
    if (at + 8 > data.length) throw new RangeError(`pointer list at ${at} lies outside the ${data.length}-byte stream`)
    return {count: data.readUInt32LE(at), first: at + 8}
  },
}
const VISIO5: Layout = {
  // Version 5: type u16, format u16, 4 bytes, offset, length; a 16-bit count at a fixed place per stream type.
  pointer: (b, at) => ({type: b[at]!, format: b[at + 2]!, offset: b.readUInt32LE(at + 8), length: b.readUInt32LE(at + 12)}),
  size: 16,
  list(data, shift, type) {
    const at = shift + (type === TRAILER ? 0x82 : 0x0a) // 0x0a holds for the OLE list, the only other stream we enter
    return {count: Math.max(0, data.readInt16LE(at)), first: at + 2}
  },
}

/** The embedded OLE storages of a VisioDocument stream (document-level OLE lists), joined from their pieces.
 * A pointer stream that cannot be read is skipped (its message added to `problems`): the others still count. */
export function visioStorages(doc: Buffer, problems: string[] = []): Buffer[] {
  const version = doc.length > 0x36 && doc.toString('latin1', 0, 18) === 'Visio (TM) Drawing' ? doc[0x1a] : undefined
  const layout = version === 6 || version === 11 ? MODERN : version === 5 ? VISIO5 : undefined
  if (!layout) return [] // Visio 1-4: no VBA, another layout
  const storages: Buffer[] = []
  const seen = new Set<number>()
  let budget = MAX_POINTERS
  let inflated = 0
  // A stream's bytes, and where its content starts (compressed streams carry a 4-byte prefix). Pointers
  // may overlap on purpose in a hostile file: the total inflated across the walk is capped.
  const streamOf = (p: Pointer): {data: Buffer; shift: number} => {
    if (p.offset + p.length > doc.length) throw new RangeError(`Visio stream at ${p.offset} runs past the VisioDocument stream`)
    const raw = doc.subarray(p.offset, p.offset + p.length)
    if ((p.format & 2) !== 2) return {data: raw, shift: 0}
    if (inflated > MAX_INFLATED) throw new VisioBudgetError(`more than ${MAX_INFLATED} bytes inflated from the VisioDocument stream`)
    const data = inflateVisio(raw)
    inflated += data.length
    return {data, shift: 4}
  }
  const visit = (p: Pointer, depth: number): void => {
    if (depth > MAX_DEPTH || p.offset === 0 || seen.has(p.offset)) return
    seen.add(p.offset)
    if (p.format >> 4 !== 5 || p.type === COLOURS) return // only pointer streams lead further
    // Visio 5 places each stream type's list differently: enter only the trailer and the OLE lists.
    if (layout === VISIO5 && p.type !== TRAILER && p.type !== OLE_LIST) return
    const {data, shift} = streamOf(p)
    const {count, first} = layout.list(data, shift, p.type)
    const children: Pointer[] = []
    const fits = Math.floor((data.length - first) / layout.size) // a count larger than the stream is a lie
    for (let k = 0; k < Math.min(count, fits) && budget-- > 0; k++) children.push(layout.pointer(data, first + k * layout.size))
    if (p.type === OLE_LIST) {
      const pieces = children.filter((c) => c.type === OLE_DATA).map((c) => streamOf(c)).map(({data: d, shift: s}) => d.subarray(s))
      const joined = Buffer.concat(pieces).subarray(0, MAX_STORAGE)
      const at = joined.subarray(0, 16 + CFB_SIGNATURE.length).indexOf(CFB_SIGNATURE) // a length prefix may precede it
      if (at >= 0) storages.push(joined.subarray(at))
      return
    }
    for (const c of children) {
      try {
        visit(c, depth + 1)
      } catch (e) {
        if (e instanceof VisioBudgetError || !(e instanceof RangeError)) throw e
        problems.push(`pointer stream of type 0x${c.type.toString(16)} at ${c.offset} skipped: ${(e as Error).message}`)
      }
    }
  }
  visit(layout.pointer(doc, 0x24), 0)
  return storages
}

/** VBA features of a Visio binary drawing (nothing when the file has no VisioDocument stream). */
export async function visioFeatures(cfb: Cfb): Promise<{features: Feature[]; warnings: string[]}> {
  const entry = cfb.find('VisioDocument')
  if (!entry || entry.type !== 'stream') return {features: [], warnings: []}
  if (entry.size > MAX_STREAM) return {features: [], warnings: [`VisioDocument stream over ${MAX_STREAM} bytes: VBA not looked for`]}
  const features: Feature[] = []
  const warnings: string[] = []
  let storages: Buffer[]
  try {
    const problems: string[] = []
    storages = visioStorages(await cfb.readStream(entry, MAX_STREAM), problems)
    if (problems.length > 0) warnings.push(`${problems.length} VisioDocument pointer stream(s) unreadable, skipped (${problems[0]})`)
  } catch (e) {
    // a pointer past the stream or a truncated list: the rest of the compound file's features still count
    return {features, warnings: [`the VisioDocument pointer tree is unreadable: ${(e as Error).message}`]}
  }
  for (const storage of storages) {
    try {
      const r = await vbaFeaturesOfBytes(storage, 'Visio OLE storage in VisioDocument: ')
      features.push(...r.features)
      warnings.push(...r.warnings)
    } catch (e) {
      warnings.push(`an OLE storage in VisioDocument is unreadable: ${(e as Error).message}`)
    }
  }
  return {features, warnings}
}
