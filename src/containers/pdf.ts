// A bounded PDF object reader (ISO 32000-1 §7). It scans the file for "n g obj" headers the way
// recovery-mode readers do instead of trusting the xref chain, so broken or cyclic /Prev chains cost
// nothing; it then reads compressed object streams (§7.5.7) with an inflation cap. References are
// resolved with a depth limit, and the parser has a nesting limit, so no input can make it loop.
import {inflateSync} from 'node:zlib'

export type PdfName = {n: string}
export type PdfString = {s: string} // raw bytes as latin1
export type PdfRef = {r: number; g: number}
export type PdfDict = {d: Record<string, PdfValue>; stream?: {start: number; end: number; data?: Buffer}}
export type PdfValue = number | boolean | null | PdfName | PdfString | PdfRef | PdfValue[] | PdfDict

export const isName = (v: unknown, n?: string): v is PdfName => typeof v === 'object' && v !== null && 'n' in v && (n === undefined || (v as PdfName).n === n)
export const isDict = (v: unknown): v is PdfDict => typeof v === 'object' && v !== null && 'd' in v
export const isRef = (v: unknown): v is PdfRef => typeof v === 'object' && v !== null && 'r' in v
export const isString = (v: unknown): v is PdfString => typeof v === 'object' && v !== null && 's' in v

export type PdfLimits = {maxInflate?: number; maxObjects?: number; deadline?: number}

/** The objects of a PDF file, its trailer(s) merged, and a way to resolve references. */
export type PdfDocument = {
  version?: string
  objects: Map<string, PdfValue>
  trailer: Record<string, PdfValue>
  resolve(v: PdfValue | undefined, depth?: number): PdfValue | undefined
  /** The decoded bytes of a stream (FlateDecode or none), undefined when encrypted, too big or broken. */
  streamData(dict: PdfDict): Buffer | undefined
  warnings: string[]
}

const DELIM = new Set('()<>[]{}/%'.split(''))
// ISO 32000 white space: NUL, TAB, LF, FF, CR, SPACE (char codes, so the hot loops call no regex).
const isWs = (c: number) => c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 0
const MAX_DEPTH = 64

class Parser {
  constructor(readonly text: string, public pos: number) {}
  skip() {
    const t = this.text
    for (;;) {
      while (this.pos < t.length && isWs(t.charCodeAt(this.pos))) this.pos++
      if (t[this.pos] !== '%') return
      while (this.pos < t.length && t[this.pos] !== '\n' && t[this.pos] !== '\r') this.pos++
    }
  }
  token(): string {
    const t = this.text
    const start = this.pos
    while (this.pos < t.length && !isWs(t.charCodeAt(this.pos)) && !DELIM.has(t[this.pos]!)) this.pos++
    return t.slice(start, this.pos)
  }
  value(depth = 0): PdfValue | undefined {
    if (depth > MAX_DEPTH) throw new Error('PDF objects nest too deeply')
    this.skip()
    const t = this.text
    const c = t[this.pos]
    if (c === undefined) return undefined
    if (c === '/') {
      this.pos++
      return {n: this.token().replace(/#([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)))}
    }
    if (c === '<' && t[this.pos + 1] === '<') {
      this.pos += 2
      const d: Record<string, PdfValue> = {}
      for (let n = 0; n < 100_000; n++) {
        this.skip()
        if (t[this.pos] === '>' && t[this.pos + 1] === '>') {
          this.pos += 2
          break
        }
        const key = this.value(depth + 1)
        if (key === undefined) break
        if (!isName(key)) continue
        const v = this.value(depth + 1)
        if (v === undefined) break
        d[key.n] = v
      }
      return {d}
    }
    if (c === '<') {
      const end = t.indexOf('>', this.pos)
      const hex = t.slice(this.pos + 1, end < 0 ? t.length : end).replace(/[^0-9a-f]/gi, '')
      this.pos = end < 0 ? t.length : end + 1
      return {s: Buffer.from(hex.length % 2 ? hex + '0' : hex, 'hex').toString('latin1')}
    }
    if (c === '(') return this.literal()
    if (c === '[') {
      this.pos++
      const a: PdfValue[] = []
      for (let n = 0; n < 1_000_000; n++) {
        this.skip()
        if (t[this.pos] === ']') {
          this.pos++
          break
        }
        const v = this.value(depth + 1)
        if (v === undefined) break
        a.push(v)
      }
      return a
    }
    if (c === ')' || c === '>' || c === ']' || c === '{' || c === '}') {
      this.pos++
      return null
    }
    const tok = this.token()
    if (tok === '') {
      this.pos++
      return null
    }
    if (tok === 'true' || tok === 'false') return tok === 'true'
    if (tok === 'null') return null
    const num = Number(tok)
    if (Number.isFinite(num)) {
      // "n g R" is a reference: look ahead without consuming when it is not.
      const save = this.pos
      const m = /^[\0\t\n\f\r ]+(\d+)[\0\t\n\f\r ]+R(?![^\0\t\n\f\r ()<>[\]{}/%])/.exec(t.slice(this.pos, this.pos + 32))
      if (m && Number.isInteger(num)) {
        this.pos = save + m[0].length
        return {r: num, g: Number(m[1])}
      }
      return num
    }
    return {n: tok} // a keyword (obj, endobj, stream, R…) seen out of place
  }
  literal(): PdfString {
    const t = this.text
    let out = ''
    let level = 0
    this.pos++
    while (this.pos < t.length) {
      const c = t[this.pos++]!
      if (c === '\\') {
        const e = t[this.pos++] ?? ''
        const map: Record<string, string> = {n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\'}
        if (e in map) out += map[e]
        else if (/[0-7]/.test(e)) {
          let oct = e
          while (oct.length < 3 && /[0-7]/.test(t[this.pos] ?? '')) oct += t[this.pos++]
          out += String.fromCharCode(parseInt(oct, 8) & 0xff)
        } else if (e === '\r') {
          if (t[this.pos] === '\n') this.pos++
        } else if (e !== '\n') out += e
      } else if (c === '(') {
        level++
        out += c
      } else if (c === ')') {
        if (level-- === 0) break
        out += c
      } else out += c
    }
    return {s: out}
  }
}

/** Parse one value at a position of the text (exported for tests and the object-stream reader). */
export function parseValue(text: string, pos = 0): PdfValue | undefined {
  return new Parser(text, pos).value()
}

/** Read the objects of a PDF held in memory. */
export function readPdf(bytes: Buffer, limits: PdfLimits = {}): PdfDocument {
  const maxInflate = limits.maxInflate ?? 32 * 1024 * 1024
  const maxObjects = limits.maxObjects ?? 500_000
  const text = bytes.toString('latin1')
  const warnings: string[] = []
  const objects = new Map<string, PdfValue>()
  const trailer: Record<string, PdfValue> = {}
  const version = /%PDF-(\d\.\d)/.exec(text.slice(0, 1024))?.[1]
  const header = /(\d+)[\0\t\n\f\r ]+(\d+)[\0\t\n\f\r ]+obj\b/g
  const objStreams: PdfDict[] = []
  let inflated = 0
  for (let m = header.exec(text); m; m = header.exec(text)) {
    if (objects.size >= maxObjects) {
      warnings.push(`more than ${maxObjects} objects: the rest were not read`)
      break
    }
    if (limits.deadline && objects.size % 1000 === 0 && Date.now() > limits.deadline) {
      warnings.push('time budget spent while reading PDF objects')
      break
    }
    const p = new Parser(text, header.lastIndex)
    let value: PdfValue | undefined
    try {
      value = p.value()
    } catch (e) {
      warnings.push(`object ${m[1]} ${m[2]}: ${(e as Error).message}`)
      continue
    }
    if (value === undefined) continue
    p.skip()
    if (isDict(value) && text.startsWith('stream', p.pos)) {
      let start = p.pos + 6
      if (text[start] === '\r') start++
      if (text[start] === '\n') start++
      const len = value.d.Length
      let end = typeof len === 'number' && start + len <= text.length && /^\s*endstream/.test(text.slice(start + len, start + len + 32)) ? start + len : text.indexOf('endstream', start)
      if (end < 0) end = text.length
      value.stream = {start, end}
      header.lastIndex = end
      if (isName(value.d.Type, 'ObjStm')) objStreams.push(value)
      if (isName(value.d.Type, 'XRef')) mergeTrailer(trailer, value.d)
    }
    objects.set(`${m[1]} ${m[2]}`, value)
  }
  for (const t of text.matchAll(/trailer[\0\t\n\f\r ]*<</g)) {
    const v = parseValue(text, t.index! + 7)
    if (isDict(v)) mergeTrailer(trailer, v.d)
  }
  const encrypted = trailer.Encrypt !== undefined
  const streamData = (dict: PdfDict): Buffer | undefined => {
    if (!dict.stream || encrypted) return undefined
    if (dict.stream.data) return dict.stream.data
    const raw = bytes.subarray(dict.stream.start, dict.stream.end)
    const filter = Array.isArray(dict.d.Filter) ? dict.d.Filter : dict.d.Filter === undefined ? [] : [dict.d.Filter]
    if (filter.length === 0) return raw
    if (filter.length !== 1 || !isName(filter[0]) || !/^(FlateDecode|Fl)$/.test(filter[0].n)) return undefined
    if (inflated >= maxInflate) return undefined
    try {
      const out = inflateSync(raw, {maxOutputLength: maxInflate - inflated, finishFlush: 2 /* Z_SYNC_FLUSH: tolerate truncated streams */})
      inflated += out.length
      return (dict.stream.data = out)
    } catch {
      warnings.push('a stream does not inflate or passes the inflation cap')
      return undefined
    }
  }
  for (const os of objStreams) readObjectStream(os, streamData, objects)
  const resolve = (v: PdfValue | undefined, depth = 0): PdfValue | undefined => {
    let cur = v
    for (let d = depth; isRef(cur); d++) {
      if (d > 32) return undefined // reference chains that loop
      cur = objects.get(`${cur.r} ${cur.g}`)
    }
    return cur
  }
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
  const text = bytes.toString('latin1')
  const head = text.slice(0, first).trim().split(/\s+/).map(Number)
  for (let i = 0; i + 1 < head.length && i / 2 < Math.min(n, 100_000); i += 2) {
    const key = `${head[i]} 0`
    if (objects.has(key)) continue // a direct definition (incremental update) wins
    try {
      const v = parseValue(text, first + head[i + 1]!)
      if (v !== undefined) objects.set(key, v)
    } catch {
      // a broken object inside the stream: skip it
    }
  }
}
