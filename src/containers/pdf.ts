// A bounded PDF object reader (ISO 32000-1 §7), the recovery path: it scans the file for "n g obj"
// headers the way recovery-mode readers do instead of trusting the xref chain, so broken or cyclic
// /Prev chains cost nothing; it then reads compressed object streams (§7.5.7) with an inflation cap.
// References are resolved with a depth limit, and the parser has a nesting limit, so no input loops.
// pdf-open.ts is the fast path through the xref; both give the same PdfDocument.
import {inflateSync} from 'node:zlib'
import {LOCKED_OBJECT_STREAMS, streamDecryptor} from './pdf-crypt.js'
import {isDict, isName, isRef, Lexer, type PdfDict, type PdfValue} from './pdf-lexer.js'

export {isDict, isName, isRef, isString, parseValue} from './pdf-lexer.js'
export type {PdfDict, PdfName, PdfRef, PdfString, PdfValue} from './pdf-lexer.js'

export type PdfLimits = {maxInflate?: number; maxObjects?: number; deadline?: number; /** bytes the xref path may read */ maxRead?: number}

/** The objects of a PDF file, its trailer(s) merged, and a way to resolve references. */
export type PdfDocument = {
  version?: string
  /** The objects worth looking at (all of them after a scan; those a sieve kept after openPdf). */
  objects: Map<string, PdfValue>
  trailer: Record<string, PdfValue>
  resolve(v: PdfValue | undefined, depth?: number): PdfValue | undefined
  /** The decoded bytes of a stream (FlateDecode or none), undefined when too big, broken, or encrypted
   * behind a password (an owner-restricted file's streams are decrypted). */
  streamData(dict: PdfDict): Buffer | undefined
  /** Read a stream's body so that streamData can decode it (openPdf reads bodies only when asked). */
  load?(dict: PdfDict): Promise<void>
  warnings: string[]
}

/** Decode a stream body within a shared inflation budget (FlateDecode or no filter only). */
export function decodeStream(dict: PdfDict, raw: Buffer, budget: {inflated: number; max: number}, warnings: string[]): Buffer | undefined {
  if (!dict.stream) return undefined
  if (dict.stream.data) return dict.stream.data
  const filter = Array.isArray(dict.d.Filter) ? dict.d.Filter : dict.d.Filter === undefined ? [] : [dict.d.Filter]
  if (filter.length === 0) return raw
  if (filter.length !== 1 || !isName(filter[0]) || !/^(FlateDecode|Fl)$/.test(filter[0].n)) return undefined
  if (budget.inflated >= budget.max) return undefined
  try {
    const out = inflateSync(raw, {maxOutputLength: budget.max - budget.inflated, finishFlush: 2 /* Z_SYNC_FLUSH: tolerate truncated streams */})
    budget.inflated += out.length
    return (dict.stream.data = out)
  } catch {
    const warning = 'a stream does not inflate or passes the inflation cap' // said once per file, not per stream
    if (!warnings.includes(warning)) warnings.push(warning)
    return undefined
  }
}

const HEADER = /(\d+)[\0\t\n\f\r ]+(\d+)[\0\t\n\f\r ]+obj\b/g

/** Read the objects of a PDF held in memory by scanning every object header. */
export function readPdf(bytes: Buffer, limits: PdfLimits = {}): PdfDocument {
  const maxObjects = limits.maxObjects ?? 500_000
  const text = bytes.toString('latin1')
  const warnings: string[] = []
  const objects = new Map<string, PdfValue>()
  const trailer: Record<string, PdfValue> = {}
  const version = /%PDF-(\d\.\d)/.exec(text.slice(0, 1024))?.[1]
  const header = new RegExp(HEADER)
  const objStreams: PdfDict[] = []
  for (let m = header.exec(text); m; m = header.exec(text)) {
    if (objects.size >= maxObjects) {
      warnings.push(`more than ${maxObjects} objects: the rest were not read`)
      break
    }
    if (limits.deadline && objects.size % 1000 === 0 && Date.now() > limits.deadline) {
      warnings.push('time budget spent while reading PDF objects')
      break
    }
    const p = new Lexer(bytes, header.lastIndex)
    let value: PdfValue | undefined
    try {
      value = p.value()
    } catch (e) {
      warnings.push(`object ${m[1]} ${m[2]}: ${(e as Error).message}`)
      continue
    }
    if (value === undefined) continue
    p.skip()
    if (isDict(value) && p.at('stream')) {
      let start = p.pos + 6
      if (text[start] === '\r') start++
      if (text[start] === '\n') start++
      const len = value.d.Length
      let end = typeof len === 'number' && start + len <= text.length && /^\s*endstream/.test(text.slice(start + len, start + len + 32)) ? start + len : text.indexOf('endstream', start)
      if (end < 0) end = text.length
      value.stream = {start, end, obj: Number(m[1]), gen: Number(m[2])}
      header.lastIndex = end
      if (isName(value.d.Type, 'ObjStm')) objStreams.push(value)
      if (isName(value.d.Type, 'XRef')) mergeTrailer(trailer, value.d)
    }
    objects.set(`${m[1]} ${m[2]}`, value)
  }
  for (const t of text.matchAll(/trailer[\0\t\n\f\r ]*<</g)) {
    const v = new Lexer(bytes, t.index! + 7).value()
    if (isDict(v)) mergeTrailer(trailer, v.d)
  }
  const resolve = (v: PdfValue | undefined, depth = 0): PdfValue | undefined => {
    let cur = v
    for (let d = depth; isRef(cur); d++) {
      if (d > 32) return undefined // reference chains that loop
      cur = objects.get(`${cur.r} ${cur.g}`)
    }
    return cur
  }
  // An encrypted file's streams are read when the empty user password opens it (owner restrictions only).
  const encrypted = trailer.Encrypt !== undefined
  const decrypt = encrypted ? streamDecryptor(trailer, resolve) : undefined
  if (encrypted && !decrypt && objStreams.length > 0) warnings.push(LOCKED_OBJECT_STREAMS)
  const budget = {inflated: 0, max: limits.maxInflate ?? 32 * 1024 * 1024}
  const streamData = (dict: PdfDict): Buffer | undefined => {
    if (!dict.stream) return undefined
    if (dict.stream.data) return dict.stream.data
    const raw = bytes.subarray(dict.stream.start, dict.stream.end)
    const plain = encrypted ? decrypt?.(dict, raw) : raw
    return plain ? decodeStream(dict, plain, budget, warnings) : undefined
  }
  for (const os of objStreams) readObjectStream(os, streamData, objects)
  return {version, objects, trailer, resolve, streamData, warnings}
}

function mergeTrailer(into: Record<string, PdfValue>, d: Record<string, PdfValue>) {
  for (const key of ['Root', 'Info', 'Encrypt', 'ID']) if (d[key] !== undefined) into[key] = d[key]!
}

function readObjectStream(os: PdfDict, data: (d: PdfDict) => Buffer | undefined, objects: Map<string, PdfValue>) {
  const bytes = data(os)
  const n = os.d.N
  const first = os.d.First
  if (!bytes || typeof n !== 'number' || typeof first !== 'number') return
  const head = bytes.toString('latin1', 0, Math.max(0, first)).trim().split(/\s+/).map(Number)
  for (let i = 0; i + 1 < head.length && i / 2 < Math.min(n, 100_000); i += 2) {
    const key = `${head[i]} 0`
    if (objects.has(key)) continue // a direct definition (incremental update) wins
    try {
      const v = new Lexer(bytes, first + head[i + 1]!).value()
      if (v !== undefined) objects.set(key, v)
    } catch {
      // a broken object inside the stream: skip it
    }
  }
}
