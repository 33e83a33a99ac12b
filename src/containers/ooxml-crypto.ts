// [MS-OFFCRYPTO] 2.3.4 ECMA-376 encryption (standard and agile) of an OOXML package stored as
// EncryptionInfo + EncryptedPackage streams, checked ONLY with Excel's documented default password
// ("VelvetSweatshop", which Excel applies silently so such files open without a prompt). Shared by
// identification (the decrypted package's content types name the real subtype) and the probes (the
// features behind the password), so that the costly key derivation runs at most once per file.
import {createDecipheriv, createHash} from 'node:crypto'
import {digestOf} from '../lib/hash.js'
import type {Cfb} from './cfb.js'
import {createKeyTable} from './key-table.js'
import {stretch} from './key-stretch.js'
import {decodeEntities, firstElement} from './xml.js'

/** The only password ever tried. */
export const DEFAULT_PASSWORD = 'VelvetSweatshop'
const MAX_PACKAGE = 32 * 1024 * 1024
const MAX_INFO = 1024 * 1024

/** A digest of the concatenated parts. */
export const hash = (algorithm: string, ...parts: Buffer[]) => {
  const h = createHash(algorithm)
  for (const p of parts) h.update(p)
  return h.digest()
}
// The salt is drawn when a file is saved, so copies of one encrypted file (common on shares: the same
// workbook in many folders) share it and the result: derived keys are kept, keyed on the whole input of
// the loop, in a table the worker threads share, and each copy after the first costs no derivation.
let derived = createKeyTable()
/** Share derived keys with other threads through this buffer (from keyTableBytes()). */
export function shareDerivedKeys(buffer: SharedArrayBuffer): void {
  derived = createKeyTable(buffer)
}
function spin(algorithm: string, start: Buffer, rounds: number): Buffer {
  const id = hash('sha256', Buffer.from(`${algorithm}:${rounds}:`), start)
  const known = derived.get(id)
  if (known) return known
  const h = spinOnce(algorithm, start, rounds)
  derived.set(id, h)
  return h
}
function spinOnce(algorithm: string, start: Buffer, rounds: number): Buffer {
  if ((algorithm === 'sha1' && start.length === 20) || (algorithm === 'sha512' && start.length === 64)) return stretch(algorithm, start, rounds)
  let h = start
  const buf = Buffer.alloc(4 + h.length)
  for (let i = 0; i < rounds; i++) {
    buf.writeUInt32LE(i, 0)
    h.copy(buf, 4)
    h = digestOf(algorithm, buf) // one call per round: about 1.7x faster than a Hash object
  }
  return h
}
/** A 32-bit little-endian integer. */
export const u32 = (n: number) => {
  const b = Buffer.alloc(4)
  b.writeUInt32LE(n >>> 0)
  return b
}
/** A password as Office hashes it. */
export const utf16 = (s: string) => Buffer.from(s, 'utf16le')

/** What the default password gave for one encrypted package: the scheme, and the package when it fits. */
export type DecryptedPackage = {scheme: string; version: string; plain?: Buffer}

/** True when the compound file is an ECMA-376 encrypted package. */
export function isEncryptedPackage(cfb: Cfb): boolean {
  return cfb.find('EncryptionInfo')?.type === 'stream' && cfb.find('EncryptedPackage')?.type === 'stream'
}

/** Try the default password on an encrypted package. The key is derived only for standard (3.2/4.2) and
 *  agile (4.4) headers, and the package stream is read only once the password is known to fit (a file
 *  under another password costs its EncryptionInfo only), and only up to 32 MiB. */
export async function decryptPackage(cfb: Cfb): Promise<DecryptedPackage> {
  const info = await cfb.readStream(cfb.find('EncryptionInfo')!, MAX_INFO)
  const pkg = cfb.find('EncryptedPackage')!
  const version = info.length >= 4 ? `${info.readUInt16LE(0)}.${info.readUInt16LE(2)}` : '?'
  const {scheme, decrypt} = checkOoxmlPassword(info)
  if (!decrypt) return {scheme, version}
  if (pkg.size > MAX_PACKAGE) return {scheme: `${scheme}, package over ${MAX_PACKAGE} bytes not decrypted`, version, plain: Buffer.alloc(0)}
  return {scheme, version, plain: decrypt(await cfb.readStream(pkg, MAX_PACKAGE))}
}

/** The scheme of an EncryptionInfo, and a decryptor of its package when the password fits. */
export type PasswordCheck = {scheme: string; decrypt?: (pkg: Buffer) => Buffer}

/** The ECMA-376 package behind EncryptionInfo/EncryptedPackage, decrypted when the default password fits. */
export function decryptOoxml(info: Buffer, pkg: Buffer, password = DEFAULT_PASSWORD): {scheme: string; plain?: Buffer} {
  const {scheme, decrypt} = checkOoxmlPassword(info, password)
  return decrypt ? {scheme, plain: decrypt(pkg)} : {scheme}
}

/** Check a password against an EncryptionInfo ([MS-OFFCRYPTO] 2.3.4.9 standard, 2.3.4.13 agile verifiers). */
export function checkOoxmlPassword(info: Buffer, password = DEFAULT_PASSWORD): PasswordCheck {
  if (info.length < 8) return {scheme: 'ECMA-376 (truncated EncryptionInfo)'}
  const major = info.readUInt16LE(0)
  const minor = info.readUInt16LE(2)
  try {
    if (major === 4 && minor === 4) return agile(info.subarray(8).toString('utf8'), password)
    if ((major === 3 || major === 4) && minor === 2) return standard(info, password)
  } catch {
    // A header whose sizes or parameters do not add up: encrypted, but not with a readable scheme.
    return {scheme: `ECMA-376 ${major}.${minor} (malformed encryption header)`}
  }
  return {scheme: `ECMA-376 extensible ${major}.${minor}`}
}

// A package stream starts with its decrypted size (u64); a stream too short for it holds nothing.
const sizeOf = (pkg: Buffer) => (pkg.length < 8 ? 0 : Number(pkg.readBigUInt64LE(0)))

function standard(info: Buffer, password: string): PasswordCheck {
  const headerSize = info.readUInt32LE(8)
  const header = info.subarray(12, 12 + headerSize)
  const keyBytes = (header.readUInt32LE(16) || 128) / 8
  if (!AES_BYTES.has(keyBytes)) return {scheme: `ECMA-376 standard, key size ${keyBytes * 8} bits not tried`}
  const v = info.subarray(12 + headerSize)
  const salt = v.subarray(4, 20)
  const h = spin('sha1', hash('sha1', salt, utf16(password)), 50_000)
  const final = hash('sha1', h, u32(0))
  const derive = (fill: number) => {
    const b = Buffer.alloc(64, fill)
    for (let i = 0; i < final.length; i++) b[i] = b[i]! ^ final[i]!
    return hash('sha1', b)
  }
  const key = Buffer.concat([derive(0x36), derive(0x5c)]).subarray(0, keyBytes)
  const ecb = (data: Buffer) => {
    const d = createDecipheriv(`aes-${keyBytes * 8}-ecb`, key, null)
    d.setAutoPadding(false)
    return Buffer.concat([d.update(data.subarray(0, data.length - (data.length % 16))), d.final()])
  }
  const verifier = ecb(v.subarray(20, 36))
  const verifierHash = ecb(v.subarray(40, 72))
  const scheme = `ECMA-376 standard (AES-${keyBytes * 8})`
  if (!hash('sha1', verifier).equals(verifierHash.subarray(0, 20))) return {scheme}
  return {scheme, decrypt: (pkg) => (pkg.length < 8 ? Buffer.alloc(0) : ecb(pkg.subarray(8)).subarray(0, sizeOf(pkg)))}
}

const BLOCK_VERIFIER_INPUT = Buffer.from('fea7d2763b4b9e79', 'hex')
const BLOCK_VERIFIER_VALUE = Buffer.from('d7aa0f6d3061344e', 'hex')
const BLOCK_KEY = Buffer.from('146e0be7abacd0d6', 'hex')

const AES_BYTES = new Set([16, 24, 32])
const HASHES = new Set(['sha1', 'sha256', 'sha384', 'sha512', 'md5'])

function agile(xml: string, password: string): PasswordCheck {
  const keyData = firstElement(xml, 'keyData')?.attributes
  const encryptedKey = [...xml.matchAll(/<(?:\w+:)?encryptedKey\s[^>]*>/g)].map((m) => firstElement(m[0], 'encryptedKey')?.attributes).find((a) => a?.spinCount)
  if (!keyData || !encryptedKey) return {scheme: 'ECMA-376 agile (certificate or unknown key encryptor)'}
  const algo = (name: string | undefined) => (name ?? 'SHA1').toLowerCase().replace('-', '')
  const keyHash = algo(encryptedKey.hashAlgorithm)
  const scheme = `ECMA-376 agile (AES-${encryptedKey.keyBits}, ${encryptedKey.hashAlgorithm})`
  // Values from the file name the cipher and hash: only those Office uses are tried (others would throw).
  if (!AES_BYTES.has(Number(encryptedKey.keyBits) / 8) || !AES_BYTES.has(Number(keyData.keyBits) / 8) || !HASHES.has(keyHash) || !HASHES.has(algo(keyData.hashAlgorithm))) {
    return {scheme: `${scheme}, not tried (cipher or hash Office does not use)`}
  }
  const rounds = Number(encryptedKey.spinCount)
  if (!(rounds > 0 && rounds <= 1_000_000)) return {scheme: `${scheme}, spin count ${rounds} not tried (over 1,000,000)`}
  const b64 = (s: string | undefined) => Buffer.from(decodeEntities(s ?? ''), 'base64')
  const keyBytes = Number(encryptedKey.keyBits) / 8
  const h = spin(keyHash, hash(keyHash, b64(encryptedKey.saltValue), utf16(password)), rounds)
  const keyFor = (block: Buffer) => {
    const k = hash(keyHash, h, block)
    return k.length >= keyBytes ? k.subarray(0, keyBytes) : Buffer.concat([k, Buffer.alloc(keyBytes - k.length, 0x36)])
  }
  const cbc = (key: Buffer, iv: Buffer, data: Buffer) => {
    const d = createDecipheriv(`aes-${key.length * 8}-cbc`, key, Buffer.concat([iv, Buffer.alloc(16)]).subarray(0, 16))
    d.setAutoPadding(false)
    return Buffer.concat([d.update(data.subarray(0, data.length - (data.length % 16))), d.final()])
  }
  const salt = b64(encryptedKey.saltValue)
  const input = cbc(keyFor(BLOCK_VERIFIER_INPUT), salt, b64(encryptedKey.encryptedVerifierHashInput))
  const value = cbc(keyFor(BLOCK_VERIFIER_VALUE), salt, b64(encryptedKey.encryptedVerifierHashValue))
  const inputHash = hash(keyHash, input.subarray(0, Number(encryptedKey.saltSize) || 16))
  if (!inputHash.equals(value.subarray(0, inputHash.length))) return {scheme}
  const secret = cbc(keyFor(BLOCK_KEY), salt, b64(encryptedKey.encryptedKeyValue)).subarray(0, Number(keyData.keyBits) / 8)
  if (secret.length !== Number(keyData.keyBits) / 8) return {scheme: `${scheme}, the encrypted key value is truncated`}
  const dataHash = algo(keyData.hashAlgorithm)
  const dataSalt = b64(keyData.saltValue)
  // Segments of 4096 bytes, each with its own IV: the hash of the data salt and the segment number.
  const decrypt = (pkg: Buffer) => {
    const parts: Buffer[] = []
    for (let i = 0, off = 8; off < pkg.length; i++, off += 4096) parts.push(cbc(secret, hash(dataHash, dataSalt, u32(i)), pkg.subarray(off, off + 4096)))
    return Buffer.concat(parts).subarray(0, sizeOf(pkg))
  }
  return {scheme, decrypt}
}
