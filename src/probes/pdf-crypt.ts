// ISO 32000 standard security handler: does the document open with an empty user password (owner-
// password-only restrictions) or does it require a password? Algorithms 2, 4, 5 (R2-R4) and 2.A/2.B
// (R5/R6, ISO 32000-2). No document content is ever decrypted.
import {createCipheriv, createHash} from 'node:crypto'
import {isString, type PdfValue} from '../containers/pdf.js'
import {rc4} from './office-crypto.js'

const PAD = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex')
const md5 = (...b: Buffer[]) => createHash('md5').update(Buffer.concat(b)).digest()
const bytes = (v: PdfValue | undefined) => (isString(v) ? Buffer.from(v.s, 'latin1') : Buffer.alloc(0))

/** True when the empty user password opens the document (only owner restrictions apply). */
export function opensWithoutPassword(encrypt: Record<string, PdfValue>, id0: Buffer): boolean | undefined {
  const r = typeof encrypt.R === 'number' ? encrypt.R : 0
  const o = bytes(encrypt.O)
  const u = bytes(encrypt.U)
  if (r >= 5) {
    if (u.length < 40) return undefined
    const salt = u.subarray(32, 40)
    const h = r === 5 ? createHash('sha256').update(salt).digest() : hash2B(Buffer.alloc(0), salt, Buffer.alloc(0))
    return h.equals(u.subarray(0, 32))
  }
  if (r < 2 || o.length < 32 || u.length < 16) return undefined
  const n = r === 2 ? 5 : Math.min(16, Math.max(5, (typeof encrypt.Length === 'number' ? encrypt.Length : 40) / 8))
  const p = Buffer.alloc(4)
  p.writeInt32LE(typeof encrypt.P === 'number' ? encrypt.P | 0 : 0)
  const noMeta = r >= 4 && encrypt.EncryptMetadata === false ? Buffer.from([0xff, 0xff, 0xff, 0xff]) : Buffer.alloc(0)
  let key = md5(PAD, o.subarray(0, 32), p, id0, noMeta).subarray(0, n)
  if (r >= 3) for (let i = 0; i < 50; i++) key = md5(key).subarray(0, n)
  if (r === 2) return rc4(key, PAD).equals(u.subarray(0, 32))
  let x = rc4(key, md5(PAD, id0))
  for (let i = 1; i <= 19; i++) x = rc4(Buffer.from(key.map((b) => b ^ i)), x)
  return x.equals(u.subarray(0, 16))
}

// ISO 32000-2 Algorithm 2.B, for the user password (no U data mixed in).
function hash2B(password: Buffer, salt: Buffer, udata: Buffer): Buffer {
  let k = createHash('sha256').update(Buffer.concat([password, salt, udata])).digest()
  for (let round = 0; ; round++) {
    const block = Buffer.concat([password, k, udata])
    const k1 = Buffer.alloc(block.length * 64, block) // the block repeated 64 times
    const cipher = createCipheriv('aes-128-cbc', k.subarray(0, 16), k.subarray(16, 32))
    cipher.setAutoPadding(false)
    const e = Buffer.concat([cipher.update(k1), cipher.final()])
    let sum = 0
    for (let i = 0; i < 16; i++) sum += e[i]!
    k = createHash(['sha256', 'sha384', 'sha512'][sum % 3]!).update(e).digest()
    if (round >= 63 && e[e.length - 1]! <= round - 31) break
    if (round > 1000) break
  }
  return k.subarray(0, 32)
}
