// The key-stretching loop of [MS-OFFCRYPTO] (H = hash(LE32(i) || H), 50,000 or 100,000 times) for SHA-1
// and SHA-512, in WebAssembly written out below (lib/wasm). Each round hashes one fixed-layout block, so the
// loop runs inside the module: a native hash call per round costs several times the compression itself
// (SHA-512 through node:crypto took about 1.6 µs a round, here about 0.5). Checked against node:crypto in
// the tests.
import {
  add32, add64, and32, and64, type Code, extendU, forLoop, get, i32, I32, i64, I64, load32, load64, or32, or64, rotl32,
  rotr64, set, shl32, shl64, shr32, shr64, store32, store64, wasmModule, xor32, xor64,
} from '../lib/wasm.js'

const PRIMES = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97, 101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167, 173, 179, 181, 191, 193, 197, 199, 211, 223, 227, 229, 233, 239, 241, 251, 257, 263, 269, 271, 277, 281, 283, 293, 307, 311, 313, 317, 331, 337, 347, 349, 353, 359, 367, 373, 379, 383, 389, 397, 401, 409]

/** floor(n^(1/k)) for a BigInt, by Newton's method from above. */
function iroot(n: bigint, k: bigint): bigint {
  let x = 1n << (BigInt(n.toString(2).length) / k + 1n)
  while (true) {
    const next = ((k - 1n) * x + n / x ** (k - 1n)) / k
    if (next >= x) return x
    x = next
  }
}
// FIPS 180-4: the first 64 bits of the fractional parts of the square roots of the first 8 primes (initial
// value) and of the cube roots of the first 80 primes (round constants).
const MASK = (1n << 64n) - 1n
const IV512 = PRIMES.slice(0, 8).map((p) => iroot(BigInt(p) << 128n, 2n) & MASK)
const K512 = PRIMES.map((p) => iroot(BigInt(p) << 192n, 3n) & MASK)
const IV1 = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0]

// Memory: K512 at 0, the SHA-512 schedule at 640, its digest at 1280; the SHA-1 schedule at 1344, its digest at 1664.
const K = 0
const W = 640
const H = 1280
const W1 = 1344
const H1 = 1664
const ZERO = i32(0)
const at = (local: number, scale: number): Code => shl32(get(local), i32(scale)) // byte offset of word [local]

/** The round counter as the message holds it: little-endian, read as a big-endian word. */
const bswap = (x: Code): Code => or32(or32(shl32(and32(x, i32(0xff)), i32(24)), shl32(and32(x, i32(0xff00)), i32(8))), or32(and32(shr32(x, i32(8)), i32(0xff00)), shr32(x, i32(24))))

function sha512Spin(): Code[] {
  const [from, to, i, t, t1, t2, x] = [0, 1, 2, 3, 20, 21, 22]
  const v = (k: number) => 4 + k // a..h
  const d = (k: number) => 12 + k // the digest, d0..d7
  const rotr = (local: number, n: number) => rotr64(get(local), i64(BigInt(n)))
  const sigma = (local: number, r1: number, r2: number, s: number) => xor64(xor64(rotr(local, r1), rotr(local, r2)), shr64(get(local), i64(BigInt(s))))
  const Sigma = (local: number, r1: number, r2: number, r3: number) => xor64(xor64(rotr(local, r1), rotr(local, r2)), rotr(local, r3))
  const [a, b, c, dd, e, f, g, h] = [4, 5, 6, 7, 8, 9, 10, 11] as const
  const word = (hi: Code, lo: Code) => or64(shl64(hi, i64(32n)), lo)
  return [
    ...[0, 1, 2, 3, 4, 5, 6, 7].map((k) => set(d(k), load64(ZERO, H + 8 * k))),
    // The block is LE32(i) || digest (68 bytes), 0x80, zeros, length 544 bits: words 9-15 never change.
    ...[9, 10, 11, 12, 13, 14].map((k) => store64(ZERO, W + 8 * k, i64(0n))),
    store64(ZERO, W + 120, i64(544n)),
    forLoop(i, get(from), get(to), [
      store64(ZERO, W, word(extendU(bswap(get(i))), shr64(get(d(0)), i64(32n)))),
      ...[1, 2, 3, 4, 5, 6, 7].map((k) => store64(ZERO, W + 8 * k, word(get(d(k - 1)), shr64(get(d(k)), i64(32n))))),
      store64(ZERO, W + 64, word(get(d(7)), i64(0x80000000n))),
      forLoop(t, i32(16), i32(80), [
        set(x, load64(at(t, 3), W - 120)),
        set(t1, load64(at(t, 3), W - 16)),
        store64(at(t, 3), W, add64(add64(add64(sigma(t1, 19, 61, 6), load64(at(t, 3), W - 56)), sigma(x, 1, 8, 7)), load64(at(t, 3), W - 128))),
      ]),
      ...IV512.map((iv, k) => set(v(k), i64(iv))),
      forLoop(t, ZERO, i32(80), [
        set(t1, add64(add64(add64(add64(get(h), Sigma(e, 14, 18, 41)), xor64(get(g), and64(get(e), xor64(get(f), get(g))))), load64(at(t, 3), K)), load64(at(t, 3), W))),
        set(t2, add64(Sigma(a, 28, 34, 39), or64(and64(get(a), get(b)), and64(get(c), or64(get(a), get(b)))))),
        set(h, get(g)), set(g, get(f)), set(f, get(e)), set(e, add64(get(dd), get(t1))),
        set(dd, get(c)), set(c, get(b)), set(b, get(a)), set(a, add64(get(t1), get(t2))),
      ]),
      ...IV512.map((iv, k) => set(d(k), add64(i64(iv), get(v(k))))),
    ]),
    ...[0, 1, 2, 3, 4, 5, 6, 7].map((k) => store64(ZERO, H + 8 * k, get(d(k)))),
  ]
}

function sha1Spin(): Code[] {
  const [from, to, i, t, tmp] = [0, 1, 2, 3, 14]
  const [a, b, c, dd, e] = [4, 5, 6, 7, 8]
  const d = (k: number) => 9 + k
  // Four runs of twenty steps, each with its function of b, c, d and its constant.
  const steps = (from: number, f: Code, k: number) => forLoop(t, i32(from), i32(from + 20), [
    set(tmp, add32(add32(add32(add32(rotl32(get(a), i32(5)), f), get(e)), i32(k)), load32(at(t, 2), W1))),
    set(e, get(dd)), set(dd, get(c)), set(c, rotl32(get(b), i32(30))), set(b, get(a)), set(a, get(tmp)),
  ])
  const parity = xor32(xor32(get(b), get(c)), get(dd))
  return [
    ...[0, 1, 2, 3, 4].map((k) => set(d(k), load32(ZERO, H1 + 4 * k))),
    // The block is LE32(i) || digest (24 bytes), 0x80, zeros, length 192 bits: words 6-15 never change.
    store32(ZERO, W1 + 24, i32(0x80000000)),
    ...[7, 8, 9, 10, 11, 12, 13, 14].map((k) => store32(ZERO, W1 + 4 * k, ZERO)),
    store32(ZERO, W1 + 60, i32(192)),
    forLoop(i, get(from), get(to), [
      store32(ZERO, W1, bswap(get(i))),
      ...[0, 1, 2, 3, 4].map((k) => store32(ZERO, W1 + 4 + 4 * k, get(d(k)))),
      forLoop(t, i32(16), i32(80), [
        store32(at(t, 2), W1, rotl32(xor32(xor32(load32(at(t, 2), W1 - 12), load32(at(t, 2), W1 - 32)), xor32(load32(at(t, 2), W1 - 56), load32(at(t, 2), W1 - 64))), i32(1))),
      ]),
      ...IV1.map((iv, k) => set(a + k, i32(iv))),
      steps(0, xor32(get(dd), and32(get(b), xor32(get(c), get(dd)))), 0x5a827999),
      steps(20, parity, 0x6ed9eba1),
      steps(40, or32(and32(get(b), get(c)), and32(get(dd), or32(get(b), get(c)))), 0x8f1bbcdc),
      steps(60, parity, 0xca62c1d6),
      ...IV1.map((iv, k) => set(d(k), add32(i32(iv), get(a + k)))),
    ]),
    ...[0, 1, 2, 3, 4].map((k) => store32(ZERO, H1 + 4 * k, get(d(k)))),
  ]
}

// Each function runs rounds [from, to) on the digest in memory.
type Exports = {memory: {buffer: ArrayBuffer}; sha512: (from: number, to: number) => void; sha1: (from: number, to: number) => void}
// The global WebAssembly of Node, typed here for the two constructors used (the DOM library is not loaded).
type Wasm = {Module: new (bytes: Uint8Array) => object; Instance: new (module: object) => {exports: unknown}}
const {Module, Instance} = (globalThis as unknown as {WebAssembly: Wasm}).WebAssembly
let module: Exports | undefined
const CHUNK = 1024
function spinModule(): Exports {
  if (module) return module
  const constants = Buffer.alloc(640)
  K512.forEach((k, n) => constants.writeBigUInt64LE(k, 8 * n))
  const bytes = wasmModule([
    {name: 'sha512', params: 2, locals: [[2, I32], [19, I64]], body: sha512Spin()},
    {name: 'sha1', params: 2, locals: [[2, I32], [11, I32]], body: sha1Spin()},
  ], {offset: K, bytes: constants})
  module = new Instance(new Module(bytes)).exports as Exports
  return module
}

/** The digest after `rounds` rounds of H = hash(LE32(i) || H), from a SHA-1 (20-byte) or SHA-512 (64-byte) digest. */
export function stretch(algorithm: 'sha1' | 'sha512', start: Buffer, rounds: number): Buffer {
  const m = spinModule()
  const memory = Buffer.from(m.memory.buffer)
  const wide = algorithm === 'sha512'
  const [at, words, size] = wide ? [H, 8, 8] : [H1, 5, 4]
  // The module keeps each big-endian word of the digest as a (little-endian) integer.
  for (let k = 0; k < words; k++) {
    if (wide) memory.writeBigUInt64LE(start.readBigUInt64BE(8 * k), at + 8 * k)
    else memory.writeUInt32LE(start.readUInt32BE(4 * k), at + 4 * k)
  }
  // In runs of rounds: V8 first runs new WebAssembly code unoptimised and can swap in the optimised code only
  // between calls, so one call of 100,000 rounds would run five to ten times slower from start to end.
  for (let from = 0; from < rounds; from += CHUNK) (wide ? m.sha512 : m.sha1)(from, Math.min(rounds, from + CHUNK))
  const out = Buffer.alloc(words * size)
  for (let k = 0; k < words; k++) {
    if (wide) out.writeBigUInt64BE(memory.readBigUInt64LE(at + 8 * k), 8 * k)
    else out.writeUInt32BE(memory.readUInt32LE(at + 4 * k), 4 * k)
  }
  return out
}
