// Identical content gets identical findings: shares hold many copies of the same file (a template in
// every project folder, a workbook mailed round and saved again). When a file is read whole anyway, the
// SHA-256 of its bytes, with its extension (a tie-break input), keys what identification and the probes
// found, and later copies reuse it instead of inflating, parsing and decrypting again. Only results that
// depend on nothing but the bytes are kept: none with an error, none that ran near a time budget.
import * as crypto from 'node:crypto'
import type {Artifact} from '../model.js'

/** The fields of a record that follow from the file's bytes and extension alone. */
export type ContentFindings = Pick<Artifact, 'format' | 'puid' | 'mime' | 'basis' | 'extensionMismatch' | 'features' | 'application' | 'metadata' | 'warnings'>

/** A bounded table of findings by content, oldest out first. */
export type ContentMemo = {
  get(key: string): ContentFindings | undefined
  set(key: string, findings: ContentFindings): void
  readonly size: number
}

// One-shot crypto.hash (Node >= 20.12) saves a Hash object per file; createHash otherwise.
const oneShot = (crypto as {hash?: (algorithm: string, data: Buffer, encoding: 'hex') => string}).hash

/** The memo key of a file's whole content and its (lower-case) extension. */
export function contentKey(bytes: Buffer, extension: string): string {
  const digest = oneShot ? oneShot('sha256', bytes, 'hex') : crypto.createHash('sha256').update(bytes).digest('hex')
  return `${digest}.${extension}`
}

// Findings are kept frozen and handed out as they are: records are serialised, never edited, after
// identification, and a frozen object makes any later edit fail loudly instead of changing other records.
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const v of Object.values(value)) deepFreeze(v)
  }
  return value
}

/** A memo keeping at most `limit` findings (frozen), the least recently used out first. */
export function createContentMemo(limit = 2048): ContentMemo {
  const table = new Map<string, ContentFindings>()
  return {
    get(key) {
      const findings = table.get(key)
      if (findings === undefined) return undefined
      table.delete(key) // most recently used goes last
      table.set(key, findings)
      return findings
    },
    set(key, findings) {
      if (table.size >= limit) table.delete(table.keys().next().value!)
      table.set(key, deepFreeze(findings))
    },
    get size() {
      return table.size
    },
  }
}
