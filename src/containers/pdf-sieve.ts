// A cheap pass over an object's bytes that says whether it may hold something a caller looks for,
// before anything is parsed or decoded. It only reads tokens (names and bare words, which a lenient
// parser also takes as names), skips strings and comments, and stops at `stream` or `endobj`. It may
// say yes too often (a word inside a comment) but never no for an object that holds a wanted word:
// any name with a #xx escape counts as a hit, since the escape could spell one.
import {WS} from './pdf-lexer.js'

/** What an object must contain to be worth parsing: exact words, word prefixes, word pairs (key value). */
export type SieveSpec = {words: string[]; prefixes?: string[]; pairs?: Array<[string, string]>}

/** Whether the object is wanted, and whether its end (`stream`/`endobj`) was seen before `end`: a
 * caller holding only the start of an object reads more when it was not, so no parse is cut short. */
export type Sieve = (b: Buffer, start: number, end: number) => {wanted: boolean; complete: boolean}

const DELIM = new Uint8Array(256)
for (const c of '()<>[]{}/%') DELIM[c.charCodeAt(0)] = 1
const bytesOf = (w: string) => Buffer.from(w, 'latin1')
const STREAM = bytesOf('stream')
const ENDOBJ = bytesOf('endobj')

function same(b: Buffer, s: number, e: number, w: Buffer): boolean {
  if (e - s !== w.length) return false
  for (let i = 0; i < w.length; i++) if (b[s + i] !== w[i]) return false
  return true
}

function startsWith(b: Buffer, s: number, e: number, w: Buffer): boolean {
  if (e - s < w.length) return false
  for (let i = 0; i < w.length; i++) if (b[s + i] !== w[i]) return false
  return true
}

/** Build a sieve for a spec. */
export function makeSieve(spec: SieveSpec): Sieve {
  const words = spec.words.map(bytesOf)
  const prefixes = (spec.prefixes ?? []).map(bytesOf)
  const pairs = (spec.pairs ?? []).map(([k, v]) => [bytesOf(k), bytesOf(v)] as const)
  // Tokens whose first byte starts no word are passed over without any comparison.
  const firsts = new Uint8Array(256)
  for (const w of [...words, ...prefixes, ...pairs.flatMap(([k, v]) => [k, v])]) firsts[w[0]!] = 1
  const minPrefix = Math.min(255, ...prefixes.map((p) => p.length))
  const matches = (b: Buffer, s: number, e: number, prevS: number, prevE: number) => {
    for (const w of words) if (same(b, s, e, w)) return true
    if (prevS >= 0) for (const [k, v] of pairs) if (same(b, prevS, prevE, k) && same(b, s, e, v)) return true
    if (e - s >= minPrefix) for (const p of prefixes) if (startsWith(b, s, e, p)) return true
    return false
  }
  return (b, start, end) => {
    let i = start
    let prevS = -1
    let prevE = -1
    let wanted = false
    while (i < end) {
      const c = b[i]!
      if (WS[c]) {
        i++
        continue
      }
      if (c === 37) {
        while (i < end && b[i] !== 10 && b[i] !== 13) i++
        continue
      }
      if (c === 40) {
        i = skipLiteral(b, i + 1, end)
        prevS = -1
        continue
      }
      if (c === 60 && b[i + 1] === 60) {
        i += 2
        continue
      }
      if (c === 60) {
        const close = b.indexOf(62, i)
        i = close < 0 || close >= end ? end : close + 1
        prevS = -1
        continue
      }
      if (c === 47) i++
      else if (DELIM[c]) {
        i++
        if (c !== 62) prevS = -1
        continue
      }
      const s = i
      let hash = false
      while (i < end && !WS[b[i]!] && !DELIM[b[i]!]) {
        if (b[i] === 35) hash = true
        i++
      }
      const len = i - s
      if (c !== 47 && (same(b, s, i, STREAM) || same(b, s, i, ENDOBJ))) return {wanted, complete: true}
      if (!wanted && (hash || (len > 0 && firsts[b[s]!] && matches(b, s, i, prevS, prevE)))) wanted = true
      prevS = s
      prevE = i
    }
    return {wanted, complete: false}
  }
}

// The index after a literal string's closing parenthesis (nesting and backslash escapes honoured).
function skipLiteral(b: Buffer, i: number, end: number): number {
  let level = 0
  while (i < end) {
    const c = b[i++]!
    if (c === 92) i++
    else if (c === 40) level++
    else if (c === 41 && level-- === 0) return i
  }
  return end
}
