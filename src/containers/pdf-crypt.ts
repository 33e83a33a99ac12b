// ISO 32000 standard security handler: does the document open with an empty user password (owner-
// password-only restrictions, the common case: a file that opens freely but may not be printed or copied)
// or does it require a password? Algorithms 2, 4, 5 (R2-R4) and 2.A/2.B (R5/R6, ISO 32000-2). When the
// empty password opens it, stream bodies can be decrypted (Algorithm 1, RC4 or AES) so that the objects
// packed in its object streams are read like those of any other file. No other password is ever tried.
import {createCipheriv, createDecipheriv, createHash} from 'node:crypto'
import {isDict, isName, isString, type PdfDict, type PdfValue} from './pdf-lexer.js'
import {rc4} from './rc4.js'

const PAD = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex')
const md5 = (...b: Buffer[]) => createHash('md5').update(Buffer.concat(b)).digest()
const bytes = (v: PdfValue | undefined) => (isString(v) ? Buffer.from(v.s, 'latin1') : Buffer.alloc(0))

// Whether the empty user password opens the document (undefined when the handler's data is malformed),
// and then the file key, when the handler's data gives it.
function emptyPassword(encrypt: Record<string, PdfValue>, id0: Buffer): {opens?: boolean; key?: Buffer} {
  const r = typeof encrypt.R === 'number' ? encrypt.R : 0
  const o = bytes(encrypt.O)
  const u = bytes(encrypt.U)
  if (r >= 5) {
    if (u.length < 40) return {}
    const h = (salt: Buffer) => (r === 5 ? createHash('sha256').update(salt).digest() : hash2B(Buffer.alloc(0), salt, Buffer.alloc(0)))
    if (!h(u.subarray(32, 40)).equals(u.subarray(0, 32))) return {opens: false}
    // Algorithm 2.A: the file key is UE decrypted with the hash of the password and the key salt.
    const ue = bytes(encrypt.UE)
    if (u.length < 48 || ue.length < 32) return {opens: true}
    const d = createDecipheriv('aes-256-cbc', h(u.subarray(40, 48)), Buffer.alloc(16))
    d.setAutoPadding(false)
    return {opens: true, key: Buffer.concat([d.update(ue.subarray(0, 32)), d.final()])}
  }
  if (r < 2 || o.length < 32 || u.length < 16) return {}
  const n = r === 2 ? 5 : Math.min(16, Math.max(5, (typeof encrypt.Length === 'number' ? encrypt.Length : 40) / 8))
  const p = Buffer.alloc(4)
  p.writeInt32LE(typeof encrypt.P === 'number' ? encrypt.P | 0 : 0)
  const noMeta = r >= 4 && encrypt.EncryptMetadata === false ? Buffer.from([0xff, 0xff, 0xff, 0xff]) : Buffer.alloc(0)
  let key = md5(PAD, o.subarray(0, 32), p, id0, noMeta).subarray(0, n)
  if (r >= 3) for (let i = 0; i < 50; i++) key = md5(key).subarray(0, n)
  if (r === 2) return rc4(key, PAD).equals(u.subarray(0, 32)) ? {opens: true, key} : {opens: false}
  let x = rc4(key, md5(PAD, id0))
  for (let i = 1; i <= 19; i++) x = rc4(Buffer.from(key.map((b) => b ^ i)), x)
  return x.equals(u.subarray(0, 16)) ? {opens: true, key} : {opens: false}
}

/** True when the empty user password opens the document (only owner restrictions apply). */
export function opensWithoutPassword(encrypt: Record<string, PdfValue>, id0: Buffer): boolean | undefined {
  return emptyPassword(encrypt, id0).opens
}

/** The warning for a file whose object streams stay unread (it needs a password). */
export const LOCKED_OBJECT_STREAMS = 'encrypted PDF that needs a password: the objects inside its object streams were not read (forms, actions and annotations there are not reported)'

/** Decrypts a stream's body (the stream knows its object number); undefined when it does not decrypt. */
export type StreamDecryptor = (dict: PdfDict, raw: Buffer) => Buffer | undefined

/** The decryptor of a document's streams, when its standard security handler opens with the empty user
 * password; undefined otherwise (another handler, a password needed, an unknown crypt filter). */
export function streamDecryptor(trailer: Record<string, PdfValue>, resolve: (v: PdfValue | undefined) => PdfValue | undefined): StreamDecryptor | undefined {
  const dict = resolve(trailer.Encrypt)
  if (!isDict(dict) || !isName(dict.d.Filter, 'Standard')) return undefined
  const e = dict.d
  const id = resolve(trailer.ID)
  const {key} = emptyPassword(e, Array.isArray(id) && isString(id[0]) ? Buffer.from(id[0].s, 'latin1') : Buffer.alloc(0))
  if (!key) return undefined
  // The method for streams: RC4 before crypt filters (V 1-3), else the StmF filter's (Identity when absent).
  let method = 'V2'
  if (e.V === 4 || e.V === 5) {
    const name = isName(e.StmF) ? e.StmF.n : 'Identity'
    const filters = resolve(e.CF)
    const filter = name === 'Identity' ? undefined : isDict(filters) ? resolve(filters.d[name]) : undefined
    method = name === 'Identity' ? 'None' : isDict(filter) && isName(filter.d.CFM) ? filter.d.CFM.n : '?'
  }
  if (!['V2', 'AESV2', 'AESV3', 'None'].includes(method)) return undefined
  return (stream, data) => {
    const {obj: num, gen} = stream.stream ?? {}
    if (num === undefined || gen === undefined) return undefined
    // Cross-reference streams are never encrypted, nor is the metadata stream when EncryptMetadata is false.
    if (method === 'None' || isName(stream.d.Type, 'XRef') || (isName(stream.d.Type, 'Metadata') && e.EncryptMetadata === false)) return data
    if (method === 'AESV3') return aesCbc(key, data)
    // Algorithm 1: the object's key from the file key, its number and generation (and "sAlT" for AES).
    const id = Buffer.from([num & 0xff, (num >> 8) & 0xff, (num >> 16) & 0xff, gen & 0xff, (gen >> 8) & 0xff])
    const objectKey = md5(key, id, method === 'AESV2' ? Buffer.from('sAlT') : Buffer.alloc(0)).subarray(0, Math.min(16, key.length + 5))
    return method === 'V2' ? rc4(objectKey, data) : aesCbc(objectKey, data)
  }
}

// AES-CBC with the IV in the first 16 bytes and PKCS#5 padding (ISO 32000 7.6.3).
function aesCbc(key: Buffer, data: Buffer): Buffer | undefined {
  if (data.length < 32 || data.length % 16 !== 0 || ![16, 32].includes(key.length)) return undefined
  try {
    const d = createDecipheriv(`aes-${key.length * 8}-cbc`, key, data.subarray(0, 16))
    return Buffer.concat([d.update(data.subarray(16)), d.final()])
  } catch {
    return undefined // wrong padding: not these bytes, or not this key
  }
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
