// The SHA-1 key-stretching loop of [MS-OFFCRYPTO] (H = SHA1(LE32(i) || H), 50,000 or 100,000 times),
// written out: each round hashes one fixed-layout 24-byte message, and a native hash call per round
// costs several times the compression itself. Checked against node:crypto in the tests.

/** The digest after `rounds` rounds of H = SHA1(LE32(i) || H), starting from a 20-byte SHA-1 digest. */
export function sha1Spin(start: Buffer, rounds: number): Buffer {
  let h0 = start.readInt32BE(0)
  let h1 = start.readInt32BE(4)
  let h2 = start.readInt32BE(8)
  let h3 = start.readInt32BE(12)
  let h4 = start.readInt32BE(16)
  const w = new Int32Array(80)
  for (let i = 0; i < rounds; i++) {
    // Message block: the round counter little-endian, the previous digest, padding, length 192 bits.
    w[0] = ((i & 0xff) << 24) | ((i & 0xff00) << 8) | ((i >>> 8) & 0xff00) | (i >>> 24)
    w[1] = h0
    w[2] = h1
    w[3] = h2
    w[4] = h3
    w[5] = h4
    w[6] = 0x80000000 | 0
    for (let t = 7; t < 15; t++) w[t] = 0
    w[15] = 192
    for (let t = 16; t < 80; t++) {
      const x = w[t - 3]! ^ w[t - 8]! ^ w[t - 14]! ^ w[t - 16]!
      w[t] = (x << 1) | (x >>> 31)
    }
    let a = 0x67452301
    let b = 0xefcdab89 | 0
    let c = 0x98badcfe | 0
    let d = 0x10325476
    let e = 0xc3d2e1f0 | 0
    let temp = 0
    // Four loops of twenty with their own function and constant: no branch per step.
    for (let t = 0; t < 20; t++) {
      temp = (((a << 5) | (a >>> 27)) + ((b & c) | (~b & d)) + e + 0x5a827999 + w[t]!) | 0
      e = d
      d = c
      c = (b << 30) | (b >>> 2)
      b = a
      a = temp
    }
    for (let t = 20; t < 40; t++) {
      temp = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e + 0x6ed9eba1 + w[t]!) | 0
      e = d
      d = c
      c = (b << 30) | (b >>> 2)
      b = a
      a = temp
    }
    for (let t = 40; t < 60; t++) {
      temp = (((a << 5) | (a >>> 27)) + ((b & c) | (b & d) | (c & d)) + e + (0x8f1bbcdc | 0) + w[t]!) | 0
      e = d
      d = c
      c = (b << 30) | (b >>> 2)
      b = a
      a = temp
    }
    for (let t = 60; t < 80; t++) {
      temp = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e + (0xca62c1d6 | 0) + w[t]!) | 0
      e = d
      d = c
      c = (b << 30) | (b >>> 2)
      b = a
      a = temp
    }
    h0 = (0x67452301 + a) | 0
    h1 = ((0xefcdab89 | 0) + b) | 0
    h2 = ((0x98badcfe | 0) + c) | 0
    h3 = (0x10325476 + d) | 0
    h4 = ((0xc3d2e1f0 | 0) + e) | 0
  }
  const out = Buffer.alloc(20)
  out.writeInt32BE(h0, 0)
  out.writeInt32BE(h1, 4)
  out.writeInt32BE(h2, 8)
  out.writeInt32BE(h3, 12)
  out.writeInt32BE(h4, 16)
  return out
}
