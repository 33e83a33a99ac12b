// [MS-OFFCRYPTO] password checks of the binary formats (RC4, RC4 CryptoAPI, XOR obfuscation) with
// Excel's documented default password ("VelvetSweatshop") only: to confirm it and to read the features
// behind it; no other guessing. ECMA-376 packages are decrypted in containers/ooxml-crypto.ts.
import {DEFAULT_PASSWORD, hash, u32, utf16} from '../containers/ooxml-crypto.js'

export {DEFAULT_PASSWORD, decryptOoxml} from '../containers/ooxml-crypto.js'
export {rc4} from '../containers/rc4.js'
import {rc4} from '../containers/rc4.js'


/** A block-keyed RC4 scheme (BIFF8 / Word / PowerPoint): the key of block n, if the password fits. */
export type Rc4Keys = {kind: 'rc4' | 'rc4-cryptoapi'; blockKey(block: number): Buffer}

/** Check the password against a binary RC4 EncryptionHeader+Verifier ([MS-OFFCRYPTO] 2.3.6 and 2.3.5). */
export function checkRc4(info: Buffer, password = DEFAULT_PASSWORD): Rc4Keys | undefined {
  try {
    return rc4Keys(info, password)
  } catch {
    return undefined // sizes that point outside the record: not a verifier we can check
  }
}

function rc4Keys(info: Buffer, password: string): Rc4Keys | undefined {
  const major = info.readUInt16LE(0)
  const minor = info.readUInt16LE(2)
  if (major === 1 && minor === 1 && info.length >= 52) {
    const salt = info.subarray(4, 20)
    const h0 = hash('md5', utf16(password)).subarray(0, 5)
    const h1 = hash('md5', Buffer.concat(Array.from({length: 16}, () => Buffer.concat([h0, salt])))).subarray(0, 5)
    const blockKey = (block: number) => hash('md5', h1, u32(block))
    const plain = rc4(blockKey(0), info.subarray(20, 52))
    return hash('md5', plain.subarray(0, 16)).equals(plain.subarray(16, 32)) ? {kind: 'rc4', blockKey} : undefined
  }
  if ((major === 2 || major === 3 || major === 4) && minor === 2) {
    const headerSize = info.readUInt32LE(8)
    const header = info.subarray(12, 12 + headerSize)
    const keyBits = header.readUInt32LE(16) || 40
    const v = info.subarray(12 + headerSize)
    const salt = v.subarray(4, 20)
    const h0 = hash('sha1', salt, utf16(password))
    const blockKey = (block: number) => {
      const k = hash('sha1', h0, u32(block)).subarray(0, keyBits / 8)
      return keyBits === 40 ? Buffer.concat([k, Buffer.alloc(11)]) : k
    }
    // Verifier and hash are one RC4 stream; the hash size field between them is not encrypted.
    const clear = rc4(blockKey(0), Buffer.concat([v.subarray(20, 36), v.subarray(40, 60)]))
    return hash('sha1', clear.subarray(0, 16)).equals(clear.subarray(16, 36)) ? {kind: 'rc4-cryptoapi', blockKey} : undefined
  }
  return undefined
}

/** Excel's XOR obfuscation password verifier ([MS-OFFCRYPTO] 2.3.7.1). */
export function xorVerifier(password = DEFAULT_PASSWORD): number {
  const bytes = [password.length, ...Buffer.from(password, 'latin1')]
  let v = 0
  for (let i = bytes.length - 1; i >= 0; i--) v = ((((v >> 14) & 1) | ((v << 1) & 0x7fff)) ^ bytes[i]!) & 0xffff
  return v ^ 0xce4b
}
