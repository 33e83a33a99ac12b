// Access databases (Jet 3/4, ACE): linked tables and queries keep their connections in the system tables.
// MSysObjects has a row per object: linked tables (type 6: another database or a file; type 4: ODBC) name
// their source in Connect and Database. MSysQueries has the rows of every query: the type row (attribute 1)
// of a pass-through query holds its ODBC connect string, the remote-database row (attribute 4) the source
// of a query that reads another database (IN clause). Only those two tables are read (src/containers/jet.ts).
// A database whose system tables cannot be read is searched for connect-string prefixes instead.
import {JetDatabase, type JetRow} from '../containers/jet.js'
import type {Feature} from '../model.js'
import {addFeature, type Probe} from './probe.js'

const MAX_SCAN = 16 * 1024 * 1024
const has = (b: Buffer, s: string) => b.includes(s, 0, 'latin1') || b.includes(s, 0, 'utf16le')
const LINKED_TABLE = 6
const ODBC_TABLE = 4
const TYPE_ROW = 1
const REMOTE_DATABASE_ROW = 4
const PASS_THROUGH = 8

/** True when the head is a Jet or ACE database header. */
export const isAccess = (head: Buffer) => head.length >= 20 && /^Standard (Jet|ACE) DB/.test(head.toString('latin1', 4, 19))

// Connect strings may carry a password (PWD=): evidence never repeats it.
const redact = (s: string) => s.replace(/(PWD|PASSWORD)=[^;]*/gi, '$1=***').slice(0, 160)
const remote = (connect: string) => /(^|;)\s*(DSN|DRIVER|SERVER|DATABASE|DBQ)=/i.test(connect)

function connection(features: Feature[], what: string, connect: string) {
  if (/^ODBC;/i.test(connect) || remote(connect)) addFeature(features, 'data-connections', `${what}: ${redact(connect)}`)
  if (remote(connect)) addFeature(features, 'external-links', `${what}: ${redact(connect)}`)
}

/** Features of the database's system tables. */
export async function accessFeatures(db: JetDatabase): Promise<Feature[]> {
  const features: Feature[] = []
  const objects = await db.table(2) // MSysObjects' definition is always on page 2
  let queries: number | undefined
  for await (const row of db.rows(objects, ['Id', 'Name', 'Type', 'Connect', 'Database', 'ForeignName'])) {
    const [type, name, connect, database] = [row.get('Type'), str(row, 'Name'), str(row, 'Connect'), str(row, 'Database')]
    if (name === 'MSysQueries' && typeof row.get('Id') === 'number') queries = (row.get('Id') as number) & 0xffffff
    if (type === LINKED_TABLE && database) addFeature(features, 'external-links', `linked table ${name} → ${redact(database)}${connect ? ` (${redact(connect)})` : ''}`)
    if ((type === LINKED_TABLE || type === ODBC_TABLE) && connect) connection(features, `linked table ${name}`, connect)
  }
  if (queries === undefined) return features
  for await (const row of db.rows(await db.table(queries), ['Attribute', 'Flag', 'Name1', 'Name2'])) {
    const [attribute, name1, name2] = [row.get('Attribute'), str(row, 'Name1'), str(row, 'Name2')]
    if (attribute === TYPE_ROW && row.get('Flag') === PASS_THROUGH && name1) connection(features, 'pass-through query', name1)
    if (attribute === REMOTE_DATABASE_ROW && (name1 || name2)) {
      addFeature(features, 'external-links', `query reads another database: ${redact([name1, name2].filter(Boolean).join(' '))}`)
      if (name2) connection(features, 'query on another database', name2)
    }
  }
  return features
}

const str = (row: JetRow, name: string) => {
  const v = row.get(name)
  return typeof v === 'string' ? v.replace(/\0+$/, '') : ''
}

/** Connect-string prefixes anywhere in the bytes: the fallback for damaged system tables. */
export function searchedFeatures(bytes: Buffer): Feature[] {
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
  applies: (i) => (i.format === 'mdb' || i.format === 'accdb') && isAccess(i.source.head),
  async run(i) {
    // Encrypted pages hold no readable connect strings: the header says all there is to say.
    const encrypted = accessEncryption(i.source.head)
    if (encrypted) return {features: [{id: 'encrypted', evidence: encrypted}]}
    try {
      return {features: await accessFeatures(new JetDatabase(i.source))}
    } catch (e) {
      if ((e as {code?: string}).code === 'budget-exceeded') throw e // out of time or bytes: searching would not help
      const truncated = i.source.size > MAX_SCAN
      const bytes = await i.source.read(0, Math.min(i.source.size, MAX_SCAN))
      const warnings = [`system tables unreadable (${(e as Error).message}): connect strings searched for instead`]
      if (truncated) warnings.push(`only the first ${MAX_SCAN} bytes of the database were searched`)
      return {features: searchedFeatures(bytes), warnings}
    }
  },
}
