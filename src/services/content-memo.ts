// Identical content gets identical findings: shares hold many copies of the same file (a template in
// every project folder, a workbook mailed round and saved again). When a file is read whole anyway, the
// SHA-256 of its bytes, with its extension (a tie-break input), keys what identification and the probes
// found, and later copies reuse it instead of inflating, parsing and decrypting again. A larger file is
// not read whole: the ranges its analysis read are kept with a digest of their bytes, and a file of the
// same size, extension and head gets the same findings when the same ranges hold the same bytes (the
// analysis is deterministic: same bytes at every place it looked, same reads, same result). Only results
// that depend on nothing but the bytes are kept: none with an error, none that ran near a time budget.
import * as crypto from 'node:crypto'
import type {Source} from '../containers/source.js'
import {digestOf} from '../lib/hash.js'
import type {Artifact} from '../model.js'

/** The fields of a record that follow from the file's bytes and extension alone. */
export type ContentFindings = Pick<Artifact, 'format' | 'puid' | 'mime' | 'basis' | 'extensionMismatch' | 'features' | 'application' | 'metadata' | 'warnings'>

/** A bounded table of frozen values by key, the least recently used out first. */
export type Memo<T> = {
  get(key: string): T | undefined
  set(key: string, value: T): void
  readonly size: number
}
export type ContentMemo = Memo<ContentFindings>

/** The memo key of a file's whole content and its context (extension, settings). */
export const contentKey = (bytes: Buffer, context: string): string => `${digestOf('sha256', bytes).toString('hex')}.${context}`

// Findings are kept frozen and handed out as they are: records are serialised, never edited, after
// identification, and a frozen object makes any later edit fail loudly instead of changing other records.
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const v of Object.values(value)) deepFreeze(v)
  }
  return value
}

/** A memo keeping at most `limit` values (frozen), the least recently used out first. */
export function createMemo<T>(limit: number): Memo<T> {
  const table = new Map<string, T>()
  return {
    get(key) {
      const value = table.get(key)
      if (value === undefined) return undefined
      table.delete(key) // most recently used goes last
      table.set(key, value)
      return value
    },
    set(key, value) {
      if (table.size >= limit) table.delete(table.keys().next().value!)
      table.set(key, deepFreeze(value))
    },
    get size() {
      return table.size
    },
  }
}

/** A memo of findings by content key. */
export const createContentMemo = (limit = 2048): ContentMemo => createMemo<ContentFindings>(limit)

/** What the analysis of a large file read: the head, then every range in order, digested with its place. */
export type ReadTrace = {ranges: number[]; add(offset: number, bytes: Buffer): void; digest(): string}

/** A trace starting from the file's head. */
export function startTrace(head: Buffer): ReadTrace {
  const hash = crypto.createHash('sha256').update(head)
  const place = Buffer.alloc(12)
  const ranges: number[] = []
  return {
    ranges,
    add(offset, bytes) {
      ranges.push(offset, bytes.length)
      place.writeDoubleLE(offset, 0)
      place.writeUInt32LE(bytes.length, 8)
      hash.update(place).update(bytes)
    },
    digest: () => hash.digest('hex'),
  }
}

/** The reads of a large file's first analysis and what it found. */
export type Replay = {ranges: number[]; digest: string; findings: ContentFindings}

// Per thread: each worker keeps its own (a copy seen by the other worker is analysed once more).
const wholeFiles = createContentMemo()
const replays = createMemo<Replay>(512)
const MAX_TRACE = 2 * 1024 // numbers kept for one large file (an offset and a length per range): bounds memory

// Read again the ranges a large file's first analysis read; true when every one holds the same bytes.
// Those reads do not count against this file's byte budget: its own analysis may still need it all.
async function replayMatches(source: Source, known: Replay): Promise<boolean> {
  const spent = source.bytesRead
  const trace = startTrace(source.head)
  try {
    for (let i = 0; i < known.ranges.length; i += 2) trace.add(known.ranges[i]!, await source.read(known.ranges[i]!, known.ranges[i + 1]!))
    return trace.digest() === known.digest
  } catch {
    return false
  } finally {
    source.bytesRead = spent
  }
}

/** What an earlier identical file gave, or how to remember what this one gives. */
export type Recall = {known?: ContentFindings; remember(findings: ContentFindings): void}

/** Look the open file up: by the digest of its bytes when the head holds all of them, else by replaying
 * the reads of an earlier file of the same size and head (and then trace this file's own reads). */
export async function recall(source: Source, context: string): Promise<Recall> {
  if (source.head.length === source.size) {
    const key = contentKey(source.head, context)
    return {known: wholeFiles.get(key), remember: (findings) => wholeFiles.set(key, findings)}
  }
  const key = `${source.size}.${contentKey(source.head, context)}`
  const known = replays.get(key)
  if (known && (await replayMatches(source, known))) return {known: known.findings, remember() {}}
  const trace = startTrace(source.head)
  source.onRead = trace.add
  return {
    remember(findings) {
      source.onRead = undefined
      if (trace.ranges.length <= MAX_TRACE) replays.set(key, {ranges: trace.ranges, digest: trace.digest(), findings})
    },
  }
}
