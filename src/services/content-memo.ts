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

/** A memo keeping at most `limit` findings; each is stored as JSON so callers never share objects. */
export function createContentMemo(limit = 2048): ContentMemo {
  const table = new Map<string, string>()
  return {
    get(key) {
      const json = table.get(key)
      if (json === undefined) return undefined
      table.delete(key) // most recently used goes last, so the oldest unused goes out first
      table.set(key, json)
      return JSON.parse(json) as ContentFindings
    },
    set(key, findings) {
      if (table.size >= limit) table.delete(table.keys().next().value!)
      table.set(key, JSON.stringify(findings))
    },
    get size() {
      return table.size
    },
  }
}
