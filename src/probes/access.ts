// Access databases (Jet 3/4, ACE): linked tables and queries keep their ODBC connect strings in the
// system tables. Parsing Jet pages is out of scope; the connect-string prefixes are searched for in
// the first pages instead, in both the 8-bit (Jet 3) and UTF-16 (Jet 4+) spellings.
import type {Feature} from '../model.js'
import {addFeature, type Probe} from './probe.js'

const MAX_SCAN = 16 * 1024 * 1024
const has = (b: Buffer, s: string) => b.includes(s, 0, 'latin1') || b.includes(s, 0, 'utf16le')

/** True when the head is a Jet or ACE database header. */
export const isAccess = (head: Buffer) => head.length >= 20 && /^Standard (Jet|ACE) DB/.test(head.toString('latin1', 4, 19))

/** Features of an Access database's bytes. */
export function accessFeatures(bytes: Buffer): Feature[] {
  const features: Feature[] = []
  if (has(bytes, 'ODBC;')) addFeature(features, 'data-connections', 'ODBC connect string (pass-through query or ODBC source)')
  if (has(bytes, 'DSN=') || has(bytes, ';DATABASE=')) {
    addFeature(features, 'external-links', 'linked table connect string (DSN=/DATABASE=)')
    addFeature(features, 'data-connections', 'linked table ODBC connect string')
  }
  return features
}

// Access 2007+ "Encrypt with Password" keeps an [MS-OFFCRYPTO] EncryptionInfo in the header page: the
// agile XML descriptor (2010+), or a standard header naming its CryptoAPI provider in UTF-16 (2007).
const AGILE = 'http://schemas.microsoft.com/office/2006/encryption'
const CRYPTO_PROVIDER = Buffer.from('Cryptographic Provider', 'utf16le')

/** The encryption the database header declares, if any. */
export function accessEncryption(head: Buffer): string | undefined {
  const page = head.subarray(0, 4096)
  if (page.includes(AGILE, 0, 'latin1')) {
    const cipher = /cipherAlgorithm="([^"]+)"[^>]*hashAlgorithm="([^"]+)"/.exec(page.toString('latin1'))
    return `database encrypted with a password (agile EncryptionInfo in the header page${cipher ? `, ${cipher[1]} / ${cipher[2]}` : ''})`
  }
  if (page.includes(CRYPTO_PROVIDER)) return 'database encrypted with a password (CryptoAPI EncryptionInfo in the header page)'
  return undefined
}

/** The probe for Access databases (no container of their own). */
export const accessProbe: Probe = {
  name: 'access',
  applies: (i) => isAccess(i.source.head),
  async run(i) {
    // Encrypted pages hold no readable connect strings: the header says all there is to say.
    const encrypted = accessEncryption(i.source.head)
    if (encrypted) return {features: [{id: 'encrypted', evidence: encrypted}]}
    const truncated = i.source.size > MAX_SCAN
    const bytes = await i.source.read(0, Math.min(i.source.size, MAX_SCAN))
    return {features: accessFeatures(bytes), warnings: truncated ? [`only the first ${MAX_SCAN} bytes of the database were searched`] : []}
  },
}
