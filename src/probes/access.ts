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

/** The probe for Access databases (no container of their own). */
export const accessProbe: Probe = {
  name: 'access',
  applies: (i) => isAccess(i.source.head),
  async run(i) {
    const truncated = i.source.size > MAX_SCAN
    const bytes = await i.source.read(0, Math.min(i.source.size, MAX_SCAN))
    return {features: accessFeatures(bytes), warnings: truncated ? [`only the first ${MAX_SCAN} bytes of the database were searched`] : []}
  },
}
