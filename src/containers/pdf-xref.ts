// The cross-reference chain of a PDF (ISO 32000-1 §7.5.4-§7.5.8): startxref, xref tables and xref
// streams, /Prev and hybrid /XRefStm sections, newest first. Anything unexpected (a cycle, an offset
// that is not a section, an indirect /Length, an unknown predictor) returns undefined: the caller then
// falls back to scanning the whole file, so a lying xref never costs correctness.
import {inflateSync} from 'node:zlib'
import {isDict, isName, Lexer, type PdfValue} from './pdf-lexer.js'

export type ReadAt = (offset: number, length: number) => Promise<Buffer>
/** Where an object lives: at a file offset, or as the index-th object of an object stream. */
export type XrefEntry = {offset: number; gen: number} | {stream: number; index: number}
export type Xref = {entries: Map<number, XrefEntry>; trailer: Record<string, PdfValue>}

const MAX_SECTIONS = 64
const MAX_XREF_STREAM = 16 * 1024 * 1024
type Section = {trailer: Record<string, PdfValue>} | 'more' | undefined

/** Read the xref chain from the end of the file, or undefined when it cannot be trusted. */
export async function readXref(read: ReadAt, size: number, maxObjects: number): Promise<Xref | undefined> {
  const tailAt = Math.max(0, size - 2048)
  const tail = await read(tailAt, size - tailAt)
  const sx = tail.lastIndexOf('startxref')
  if (sx < 0) return undefined
  // An object after the last startxref is an update whose xref was cut off: only a scan sees it.
  if (tail.indexOf('obj', sx) >= 0) return undefined
  const first = new Lexer(tail, sx + 9).value()
  const entries = new Map<number, XrefEntry>()
  const trailer: Record<string, PdfValue> = {}
  const queue = [first]
  const seen = new Set<number>()
  while (queue.length > 0) {
    const at = queue.shift()
    if (typeof at !== 'number' || !Number.isInteger(at) || at < 0 || at >= size || seen.has(at) || seen.size >= MAX_SECTIONS) return undefined
    seen.add(at)
    let section: Section = 'more'
    // First up to the end of the 4 KiB page (most sections are smaller), then four times more each time.
    for (let len = Math.max(1024, 4096 - (at % 4096)); section === 'more'; len *= 4) {
      const buf = await read(at, Math.min(len, size - at))
      section = parseSection(buf, entries, maxObjects, at + buf.length >= size)
      if (section === 'more' && at + buf.length >= size) return undefined
    }
    if (!section) return undefined
    for (const key of ['Root', 'Info', 'Encrypt', 'ID']) if (trailer[key] === undefined && section.trailer[key] !== undefined) trailer[key] = section.trailer[key]!
    if (typeof section.trailer.XRefStm === 'number') queue.push(section.trailer.XRefStm)
    if (section.trailer.Prev !== undefined) queue.push(section.trailer.Prev)
  }
  return trailer.Root === undefined ? undefined : {entries, trailer}
}

// A decimal number from bytes (NaN when something else is there), without making a string.
function digits(b: Buffer, s: number, e: number): number {
  let v = 0
  for (let i = s; i < e; i++) {
    const d = b[i]! - 48
    if (d < 0 || d > 9) return Number.NaN
    v = v * 10 + d
  }
  return v
}

// Entries seen first (newer sections) win; free entries are ignored, as a whole-file scan would.
function put(entries: Map<number, XrefEntry>, num: number, entry: XrefEntry) {
  if (!entries.has(num)) entries.set(num, entry)
}

function parseSection(buf: Buffer, entries: Map<number, XrefEntry>, maxObjects: number, atEnd: boolean): Section {
  const lex = new Lexer(buf, 0)
  lex.skip()
  if (lex.at('xref')) {
    lex.pos += 4
    const found: Array<[number, XrefEntry]> = []
    for (;;) {
      lex.skip()
      if (lex.at('trailer')) break
      const start = lex.value()
      const count = lex.value()
      if (typeof start !== 'number' || typeof count !== 'number' || start < 0 || count < 0 || found.length + count > maxObjects) return lex.pos >= buf.length && !atEnd ? 'more' : undefined
      if (lex.pos + count * 18 > buf.length) return atEnd ? undefined : 'more'
      for (let i = 0; i < count; i++) {
        lex.skip()
        const [os, oe] = lex.token()
        lex.skip()
        const [gs, ge] = lex.token()
        lex.skip()
        const [ts, te] = lex.token()
        if (te !== ts + 1 || oe === os || ge === gs) return lex.pos >= buf.length && !atEnd ? 'more' : undefined
        if (buf[ts] === 110) found.push([start + i, {offset: digits(buf, os, oe), gen: digits(buf, gs, ge)}])
      }
    }
    lex.pos += 7
    const t = lex.value()
    if (lex.pos >= buf.length && !atEnd) return 'more'
    if (!isDict(t)) return undefined
    for (const [n, e] of found) put(entries, n, e)
    return {trailer: t.d}
  }
  return xrefStream(lex, entries, maxObjects, atEnd)
}

function xrefStream(lex: Lexer, entries: Map<number, XrefEntry>, maxObjects: number, atEnd: boolean): Section {
  const buf = lex.b
  const num = lex.value()
  const gen = lex.value()
  lex.skip()
  if (typeof num !== 'number' || typeof gen !== 'number' || !lex.at('obj')) return undefined
  lex.pos += 3
  const dict = lex.value()
  if (lex.pos >= buf.length && !atEnd) return 'more'
  if (!isDict(dict) || !isName(dict.d.Type, 'XRef')) return undefined
  const d = dict.d
  lex.skip()
  if (!lex.at('stream')) return undefined
  let start = lex.pos + 6
  if (buf[start] === 13) start++
  if (buf[start] === 10) start++
  const length = d.Length
  if (typeof length !== 'number' || length < 0) return undefined
  if (start + length > buf.length) return atEnd ? undefined : 'more'
  const raw = buf.subarray(start, start + length)
  const w = Array.isArray(d.W) ? d.W : []
  const size = d.Size
  if (w.length !== 3 || !w.every((x) => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 8) || typeof size !== 'number') return undefined
  const widths = w as number[]
  const row = widths[0]! + widths[1]! + widths[2]!
  const data = decode(raw, d, row)
  if (!data || row === 0) return undefined
  const index = Array.isArray(d.Index) ? d.Index : [0, size]
  let r = 0
  for (let k = 0; k + 1 < index.length; k += 2) {
    const first = index[k]
    const count = index[k + 1]
    if (typeof first !== 'number' || typeof count !== 'number' || count < 0 || r + count > maxObjects) return undefined
    for (let i = 0; i < count && (r + 1) * row <= data.length; i++, r++) {
      let p = r * row
      const field = (width: number, dflt: number) => {
        if (width === 0) return dflt
        let v = 0
        for (let j = 0; j < width; j++) v = v * 256 + data[p++]!
        return v
      }
      const type = field(widths[0]!, 1)
      const a = field(widths[1]!, 0)
      const b = field(widths[2]!, 0)
      if (type === 1) put(entries, first + i, {offset: a, gen: b})
      else if (type === 2) put(entries, first + i, {stream: a, index: b})
    }
  }
  return {trailer: d}
}

// FlateDecode (or no filter) and the PNG predictors xref streams use; anything else is refused.
function decode(raw: Buffer, d: Record<string, PdfValue>, row: number): Buffer | undefined {
  const filter = Array.isArray(d.Filter) ? d.Filter : d.Filter === undefined ? [] : [d.Filter]
  if (filter.length > 1 || (filter.length === 1 && !isName(filter[0], 'FlateDecode'))) return undefined
  let data: Buffer
  try {
    data = filter.length === 0 ? raw : inflateSync(raw, {maxOutputLength: MAX_XREF_STREAM, finishFlush: 2})
  } catch {
    return undefined
  }
  const parms = Array.isArray(d.DecodeParms) ? d.DecodeParms[0] : d.DecodeParms
  const predictor = isDict(parms) && typeof parms.d.Predictor === 'number' ? parms.d.Predictor : 1
  if (predictor === 1) return data
  if (predictor < 10 || !isDict(parms)) return undefined
  const columns = typeof parms.d.Columns === 'number' ? parms.d.Columns : 1
  const colors = typeof parms.d.Colors === 'number' ? parms.d.Colors : 1
  const bits = typeof parms.d.BitsPerComponent === 'number' ? parms.d.BitsPerComponent : 8
  if (columns !== row || colors !== 1 || bits !== 8) return undefined
  return unpredictPng(data, columns)
}

// PNG row filters (RFC 2083 §6) with one byte per pixel.
function unpredictPng(data: Buffer, columns: number): Buffer {
  const rows = Math.floor(data.length / (columns + 1))
  const out = Buffer.alloc(rows * columns)
  for (let r = 0; r < rows; r++) {
    const type = data[r * (columns + 1)]!
    for (let c = 0; c < columns; c++) {
      const x = data[r * (columns + 1) + 1 + c]!
      const left = c > 0 ? out[r * columns + c - 1]! : 0
      const up = r > 0 ? out[(r - 1) * columns + c]! : 0
      const upLeft = r > 0 && c > 0 ? out[(r - 1) * columns + c - 1]! : 0
      let v = x
      if (type === 1) v = x + left
      else if (type === 2) v = x + up
      else if (type === 3) v = x + ((left + up) >> 1)
      else if (type === 4) {
        const p = left + up - upLeft
        const pa = Math.abs(p - left)
        const pb = Math.abs(p - up)
        const pc = Math.abs(p - upLeft)
        v = x + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft)
      }
      out[r * columns + c] = v & 0xff
    }
  }
  return out
}
