// A PDF opened through its xref instead of a whole-file scan: the tail and xref sections first, then
// only the dictionaries of the objects (stream bodies skipped unless asked for), read in a few merged
// ranges. A cheap byte sieve picks the objects worth parsing; any other object is parsed only when a
// reference to it is resolved. Returns undefined when the xref cannot be trusted (the caller scans).
import {isDict, isName, isRef, Lexer, type PdfDict, type PdfValue} from './pdf-lexer.js'
import {cachedReader, ReadCapError} from './pdf-reads.js'
import type {Sieve} from './pdf-sieve.js'
import {LOCKED_OBJECT_STREAMS, streamDecryptor, type StreamDecryptor} from './pdf-crypt.js'
import {readXref, type ReadAt} from './pdf-xref.js'
import {decodeStream, type PdfDocument, type PdfLimits} from './pdf.js'

/** What openPdf reads from: a Source, or bytes in memory behind the same shape. */
export type PdfSource = {size: number; head: Buffer; read: ReadAt}

// Smaller files are read in one go (one read beats several small ones). Kept small: the ranges read are
// what copies of the file read again, and on a cold cache each 4 KiB page costs a trip to storage.
const WHOLE = 16 * 1024
const HEAD = 2 * 1024 // bytes read from each object's start when a big stream follows it
const GAP = 2 * 1024 // ranges closer than this are merged into one read
const MAX_DICT = 1024 * 1024

// Where an object's bytes are: `buf` holds them from `pos` (just after "n g obj") to `end`, and the
// object extends in the file to `next` (the following object's offset).
type Loc = {buf: Buffer; pos: number; end: number; base: number; next: number; gen: number}

/** Open a PDF through its xref; objects the sieve keeps are parsed, others on demand. */
export async function openPdf(src: PdfSource, sieve: Sieve, limits: PdfLimits = {}): Promise<PdfDocument | undefined> {
  const {size} = src
  const maxInflate = limits.maxInflate ?? 32 * 1024 * 1024
  const maxObjects = limits.maxObjects ?? 500_000
  const maxRead = limits.maxRead ?? 48 * 1024 * 1024
  const whole = size <= src.head.length ? src.head : size <= WHOLE ? await src.read(0, size) : undefined
  const read: ReadAt = whole ? async (offset, length) => whole.subarray(offset, offset + length) : cachedReader(src.read, size, src.head, maxRead)
  const xref = await readXref(read, size, maxObjects).catch(() => undefined)
  if (!xref) return undefined
  const warnings: string[] = []
  const direct: Array<[number, number, number]> = [] // num, offset, gen
  for (const [num, e] of xref.entries) if ('offset' in e) direct.push([num, e.offset, e.gen])
  direct.sort((a, b) => a[1] - b[1])
  if (direct.some(([, off]) => !(off >= 0 && off < size))) return undefined
  const locs = new Map<number, Loc>()
  const keep: number[] = []
  const version = /%PDF-(\d\.\d)/.exec(src.head.toString('latin1', 0, 1024))?.[1]
  try {
    const ranges = plan(direct, size, whole !== undefined)
    let r = 0
    for (let i = 0; i < direct.length; i++) {
      if (limits.deadline && i % 1000 === 999 && Date.now() > limits.deadline) {
        warnings.push('time budget spent while reading PDF objects')
        break
      }
      const [num, off, gen] = direct[i]!
      const next = i + 1 < direct.length ? direct[i + 1]![1] : size
      while (ranges[r]!.end <= off) r++
      const range = ranges[r]!
      range.buf ??= await read(range.start, range.end - range.start)
      let loc: Loc = {buf: range.buf, base: range.start, pos: off - range.start, end: Math.min(range.buf.length, next - range.start), next, gen}
      if (!header(loc, num, gen)) return undefined
      let verdict = sieve(loc.buf, loc.pos, loc.end)
      if (!verdict.complete && loc.base + loc.end < next) {
        const buf = await read(off, Math.min(next - off, MAX_DICT))
        loc = {buf, base: off, pos: loc.pos - (off - loc.base), end: buf.length, next, gen}
        verdict = sieve(buf, loc.pos, loc.end)
      }
      locs.set(num, loc)
      if (verdict.wanted || !verdict.complete) keep.push(num) // an object too big to sieve is parsed
    }
  } catch (e) {
    if (e instanceof ReadCapError) return undefined
    throw e
  }
  const crypt: Crypt = {}
  const doc = lazyDocument(xref.trailer, locs, read, {version, warnings, maxInflate, size, crypt})
  // An xref that cannot find the document catalog is lying (an update that lists nothing): scan instead.
  if (!isDict(doc.resolve(xref.trailer.Root))) return undefined
  // An encrypted file's streams are read when the empty user password opens it (owner restrictions only).
  if (xref.trailer.Encrypt !== undefined) crypt.decrypt = streamDecryptor(xref.trailer, doc.resolve)
  const compressed = xref.trailer.Encrypt === undefined || crypt.decrypt ? objectStreams(xref.entries, locs) : []
  if (xref.trailer.Encrypt !== undefined && !crypt.decrypt && objectStreams(xref.entries, locs).length > 0) warnings.push(LOCKED_OBJECT_STREAMS)
  for (const os of compressed) await unpack(os, doc, xref.entries, locs, sieve, keep)
  for (const num of keep) {
    const v = doc.get(num)
    if (v !== undefined) doc.objects.set(`${num} ${locs.get(num)!.gen}`, v)
  }
  return doc
}

// Merged read ranges: each object's first HEAD bytes, or all of it when it is small.
function plan(direct: Array<[number, number, number]>, size: number, whole: boolean): Array<{start: number; end: number; buf?: Buffer}> {
  if (whole) return [{start: 0, end: size}]
  const out: Array<{start: number; end: number}> = []
  direct.forEach(([, off], i) => {
    const next = i + 1 < direct.length ? direct[i + 1]![1] : size
    const end = Math.min(next, off + HEAD)
    const last = out[out.length - 1]
    if (last && off - last.end <= GAP) last.end = Math.max(last.end, end)
    else out.push({start: off, end})
  })
  return out
}

// "num gen obj" at the object's offset, as the xref says; moves loc.pos past it.
function header(loc: Loc, num: number, gen: number): boolean {
  const lex = new Lexer(loc.buf, loc.pos, loc.end)
  const n = lex.value()
  const g = lex.value()
  lex.skip()
  if (n !== num || g !== gen || !lex.at('obj')) return false
  loc.pos = lex.pos + 3
  return true
}

// Object streams holding objects the xref places there, in file order (as a scan would meet them).
function objectStreams(entries: Map<number, {offset: number} | {stream: number}>, locs: Map<number, Loc>): number[] {
  const streams = new Set<number>()
  for (const e of entries.values()) if ('stream' in e && locs.has(e.stream)) streams.add(e.stream)
  return [...streams].sort((a, b) => locs.get(a)!.base + locs.get(a)!.pos - (locs.get(b)!.base + locs.get(b)!.pos))
}

async function unpack(os: number, doc: LazyDocument, entries: Map<number, unknown>, locs: Map<number, Loc>, sieve: Sieve, keep: number[]) {
  const dict = doc.get(os)
  if (!isDict(dict) || !isName(dict.d.Type, 'ObjStm')) return
  await doc.load(dict)
  const data = doc.streamData(dict)
  const n = dict.d.N
  const first = dict.d.First
  if (!data || typeof n !== 'number' || typeof first !== 'number') return
  const head = data.toString('latin1', 0, Math.max(0, first)).trim().split(/\s+/).map(Number)
  const count = Math.min(n, 100_000, Math.floor(head.length / 2))
  for (let i = 0; i < count; i++) {
    const num = head[2 * i]!
    const e = entries.get(num) as {stream?: number} | undefined
    if (e?.stream !== os || locs.has(num)) continue
    const pos = first + head[2 * i + 1]!
    const end = i + 1 < count ? Math.max(pos, first + head[2 * i + 3]!) : data.length
    if (!Number.isInteger(pos) || pos < 0 || pos > data.length) continue
    locs.set(num, {buf: data, base: -1, pos, end: Math.min(end, data.length), next: -1, gen: 0})
    if (sieve(data, pos, Math.min(end, data.length)).wanted) keep.push(num) // its end is known here
  }
}

type LazyDocument = PdfDocument & {get(num: number): PdfValue | undefined; load(dict: PdfDict): Promise<void>}

// How an encrypted file's stream bodies are decrypted, once known (undefined: they are not read).
type Crypt = {decrypt?: StreamDecryptor}

function lazyDocument(trailer: Record<string, PdfValue>, locs: Map<number, Loc>, read: ReadAt, o: {version?: string; warnings: string[]; maxInflate: number; size: number; crypt: Crypt}): LazyDocument {
  const cache = new Map<number, PdfValue | undefined>()
  const budget = {inflated: 0, max: o.maxInflate}
  const encrypted = trailer.Encrypt !== undefined
  const get = (num: number): PdfValue | undefined => {
    if (cache.has(num)) return cache.get(num)
    cache.set(num, undefined) // a reference back to an object being parsed finds nothing
    const loc = locs.get(num)
    if (!loc) return undefined
    let value: PdfValue | undefined
    try {
      // Objects in an object stream stop at their neighbour; direct ones may run on as a scan would.
      const lex = new Lexer(loc.buf, loc.pos, loc.base < 0 ? loc.end : loc.buf.length)
      value = lex.value()
      if (isDict(value) && loc.base >= 0) {
        lex.skip()
        if (lex.at('stream')) {
          let start = lex.pos + 6
          if (loc.buf[start] === 13) start++
          if (loc.buf[start] === 10) start++
          value.stream = {start: loc.base + start, end: loc.next, obj: num, gen: loc.gen}
        }
      }
    } catch (e) {
      o.warnings.push(`object ${num} ${loc.gen}: ${(e as Error).message}`)
    }
    cache.set(num, value)
    return value
  }
  const resolve = (v: PdfValue | undefined, depth = 0): PdfValue | undefined => {
    let cur = v
    for (let d = depth; isRef(cur); d++) {
      if (d > 32) return undefined // reference chains that loop
      const loc = locs.get(cur.r)
      cur = loc && loc.gen === cur.g ? get(cur.r) : undefined
    }
    return cur
  }
  // A stream body, read when first asked for: /Length when "endstream" follows it, else up to "endstream".
  const load = async (dict: PdfDict) => {
    const s = dict.stream
    if (!s || s.raw || s.end === undefined || s.start >= o.size) return
    const len = dict.d.Length
    const limit = Math.min(s.end, o.size)
    const fits = typeof len === 'number' && Number.isInteger(len) && len >= 0 && s.start + len <= limit
    let buf = await read(s.start, Math.max(0, (fits ? Math.min(limit, s.start + len + 32) : limit) - s.start))
    if (fits && /^\s*endstream/.test(buf.toString('latin1', len, len + 32))) {
      s.raw = buf.subarray(0, len)
      return
    }
    if (fits && buf.length < limit - s.start) buf = await read(s.start, limit - s.start)
    const at = buf.indexOf('endstream')
    s.raw = buf.subarray(0, at < 0 ? buf.length : at)
  }
  const streamData = (dict: PdfDict) => {
    const raw = dict.stream?.raw
    if (!raw || dict.stream!.data) return dict.stream?.data
    const plain = encrypted ? o.crypt.decrypt?.(dict, raw) : raw
    return plain ? decodeStream(dict, plain, budget, o.warnings) : undefined
  }
  return {version: o.version, objects: new Map(), trailer, resolve, streamData, warnings: o.warnings, get, load}
}
