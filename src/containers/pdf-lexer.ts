// PDF values (ISO 32000-1 §7.3) parsed straight from bytes: no whole-file string is ever made, and
// names/strings are decoded only for the objects that are parsed. Nesting is limited so no input loops.

export type PdfName = {n: string}
export type PdfString = {s: string} // raw bytes as latin1
export type PdfRef = {r: number; g: number}
/** A stream body's place in the file; obj and gen name its object (the key of an encrypted file's stream). */
export type PdfStream = {start: number; end: number; raw?: Buffer; data?: Buffer; obj?: number; gen?: number}
export type PdfDict = {d: Record<string, PdfValue>; stream?: PdfStream}
export type PdfValue = number | boolean | null | PdfName | PdfString | PdfRef | PdfValue[] | PdfDict

export const isName = (v: unknown, n?: string): v is PdfName => typeof v === 'object' && v !== null && 'n' in v && (n === undefined || (v as PdfName).n === n)
export const isDict = (v: unknown): v is PdfDict => typeof v === 'object' && v !== null && 'd' in v
export const isRef = (v: unknown): v is PdfRef => typeof v === 'object' && v !== null && 'r' in v
export const isString = (v: unknown): v is PdfString => typeof v === 'object' && v !== null && 's' in v

// ISO 32000 white space (NUL, TAB, LF, FF, CR, SPACE) and delimiters, as byte tables for the hot loops.
export const WS = new Uint8Array(256)
for (const c of [0, 9, 10, 12, 13, 32]) WS[c] = 1
const DELIM = new Uint8Array(256)
for (const c of '()<>[]{}/%') DELIM[c.charCodeAt(0)] = 1
const regular = (c: number | undefined) => c !== undefined && !WS[c] && !DELIM[c]
const MAX_DEPTH = 64
export const hasHash = (b: Buffer, s: number, e: number) => {
  for (let i = s; i < e; i++) if (b[i] === 35) return true
  return false
}
const ESCAPES: Record<number, number> = {110: 10, 114: 13, 116: 9, 98: 8, 102: 12, 40: 40, 41: 41, 92: 92}

/** A cursor over bytes that parses one value at a time. */
export class Lexer {
  constructor(readonly b: Buffer, public pos: number, readonly end = b.length) {}
  skip(): void {
    const b = this.b
    for (;;) {
      while (this.pos < this.end && WS[b[this.pos]!]) this.pos++
      if (this.pos >= this.end || b[this.pos] !== 37) return
      while (this.pos < this.end && b[this.pos] !== 10 && b[this.pos] !== 13) this.pos++
    }
  }
  /** True when the bytes at the cursor are `word` (ASCII). */
  at(word: string): boolean {
    for (let i = 0; i < word.length; i++) if (this.b[this.pos + i] !== word.charCodeAt(i) || this.pos + i >= this.end) return false
    return true
  }
  token(): [number, number] {
    const start = this.pos
    while (this.pos < this.end && regular(this.b[this.pos])) this.pos++
    return [start, this.pos]
  }
  value(depth = 0): PdfValue | undefined {
    if (depth > MAX_DEPTH) throw new Error('PDF objects nest too deeply')
    this.skip()
    const b = this.b
    if (!(this.pos >= 0 && this.pos < this.end)) return undefined
    const c = b[this.pos]!
    if (c === 47) {
      this.pos++
      const [s, e] = this.token()
      const name = b.toString('latin1', s, e)
      return {n: hasHash(b, s, e) ? name.replace(/#([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : name}
    }
    if (c === 60 && b[this.pos + 1] === 60 && this.pos + 1 < this.end) return this.dict(depth)
    if (c === 60) return this.hex()
    if (c === 40) return this.literal()
    if (c === 91) return this.array(depth)
    if (c === 41 || c === 62 || c === 93 || c === 123 || c === 125) {
      this.pos++
      return null
    }
    const [s, e] = this.token()
    if (s === e) {
      this.pos++
      return null
    }
    let num = 0
    let digits = true
    for (let i = s; i < e && digits; i++) {
      const d = b[i]! - 48
      if (d < 0 || d > 9) digits = false
      else num = num * 10 + d
    }
    if (!digits || e - s > 15) {
      const tok = b.toString('latin1', s, e)
      if (tok === 'true' || tok === 'false') return tok === 'true'
      if (tok === 'null') return null
      num = Number(tok)
      if (!Number.isFinite(num)) return {n: tok} // a keyword (obj, endobj, stream, R…) seen out of place
    }
    const g = Number.isInteger(num) ? this.refGeneration() : -1
    return g >= 0 ? {r: num, g} : num
  }
  // "n g R": look ahead (32 bytes at most) without consuming when it is not a reference.
  private refGeneration(): number {
    const b = this.b
    const limit = Math.min(this.end, this.pos + 32)
    let i = this.pos
    const ws0 = i
    while (i < limit && WS[b[i]!]) i++
    if (i === ws0) return -1
    let g = 0
    const d0 = i
    while (i < limit && b[i]! >= 48 && b[i]! <= 57) g = g * 10 + b[i++]! - 48
    if (i === d0) return -1
    const ws1 = i
    while (i < limit && WS[b[i]!]) i++
    if (i === ws1 || i >= limit || b[i] !== 82 || (i + 1 < limit && regular(b[i + 1]))) return -1
    this.pos = i + 1
    return g
  }
  private dict(depth: number): PdfDict {
    const b = this.b
    this.pos += 2
    const d: Record<string, PdfValue> = {}
    for (let n = 0; n < 100_000; n++) {
      this.skip()
      if (b[this.pos] === 62 && b[this.pos + 1] === 62 && this.pos + 1 < this.end) {
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
  private array(depth: number): PdfValue[] {
    this.pos++
    const a: PdfValue[] = []
    for (let n = 0; n < 1_000_000; n++) {
      this.skip()
      if (this.b[this.pos] === 93 && this.pos < this.end) {
        this.pos++
        break
      }
      const v = this.value(depth + 1)
      if (v === undefined) break
      a.push(v)
    }
    return a
  }
  private hex(): PdfString {
    const b = this.b
    let end = b.indexOf(62, this.pos)
    if (end < 0 || end > this.end) end = this.end
    const out: number[] = []
    let hi = -1
    for (let i = this.pos + 1; i < end; i++) {
      const c = b[i]!
      const v = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1
      if (v < 0) continue
      if (hi < 0) hi = v
      else {
        out.push(hi * 16 + v)
        hi = -1
      }
    }
    if (hi >= 0) out.push(hi * 16)
    this.pos = end < this.end ? end + 1 : this.end
    return {s: Buffer.from(out).toString('latin1')}
  }
  literal(): PdfString {
    const b = this.b
    const start = ++this.pos
    // Fast path: no escapes, so the bytes between the balanced parentheses are the string.
    let level = 0
    for (let i = start; i < this.end; i++) {
      const c = b[i]!
      if (c === 92) break
      if (c === 40) level++
      else if (c === 41 && level-- === 0) {
        this.pos = i + 1
        return {s: b.toString('latin1', start, i)}
      }
    }
    const out: number[] = []
    level = 0
    while (this.pos < this.end) {
      const c = b[this.pos++]!
      if (c === 92) {
        if (this.pos >= this.end) {
          this.pos++
          break
        }
        const e = b[this.pos++]!
        if (ESCAPES[e] !== undefined) out.push(ESCAPES[e]!)
        else if (e >= 48 && e <= 55) {
          let oct = e - 48
          for (let k = 1; k < 3 && this.pos < this.end && b[this.pos]! >= 48 && b[this.pos]! <= 55; k++) oct = oct * 8 + b[this.pos++]! - 48
          out.push(oct & 0xff)
        } else if (e === 13) {
          if (b[this.pos] === 10 && this.pos < this.end) this.pos++
        } else if (e !== 10) out.push(e)
      } else if (c === 40) {
        level++
        out.push(c)
      } else if (c === 41) {
        if (level-- === 0) break
        out.push(c)
      } else out.push(c)
    }
    return {s: Buffer.from(out).toString('latin1')}
  }
}

/** Parse one value at a position of the text or bytes (exported for tests and the object-stream reader). */
export function parseValue(text: string | Buffer, pos = 0): PdfValue | undefined {
  return new Lexer(typeof text === 'string' ? Buffer.from(text, 'latin1') : text, pos).value()
}
