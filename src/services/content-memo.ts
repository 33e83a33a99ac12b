// Identical content gets identical findings: shares hold many copies of the same file (a template in
// every project folder, a workbook mailed round and saved again). The analysis (identification and probes)
// is deterministic: given the file's size, its extension, the settings, its head and the bytes of every
// range it read, it reads the same ranges and finds the same things. So each worker keeps, for a file's
// size + extension + settings + head, the ranges its analysis read (merged) with one SHA-256 over their
// places and bytes, and what it found; a later file with the same key whose same ranges hold the same bytes
// gets those findings without being analysed, having read only those ranges. Only results that depend on
// nothing but the bytes are kept: none with an error, none that ran near a time budget.
import * as crypto from 'node:crypto'
import {receiveMessageOnPort, type MessagePort} from 'node:worker_threads'
import type {Source} from '../containers/source.js'
import {digestOf} from '../lib/hash.js'
import type {ContentFindings} from '../model.js'

export type {ContentFindings} from '../model.js'

/** A bounded table of frozen values by key, the least recently used out first. */
export type Memo<T> = {
  get(key: string): T | undefined
  set(key: string, value: T): void
  readonly size: number
}

/** The memo key of a file's whole content and its context (extension, settings). */
export const contentKey = (bytes: Buffer, context: string): string => `${digestOf('sha256', bytes).toString('hex')}.${context}`

// Findings are kept frozen and handed out as they are: records are serialised, never edited, after
// identification, and a frozen object makes any later edit fail loudly instead of changing other records.
function deepFreeze<T>(value: T): T {
  if (ArrayBuffer.isView(value)) return value // bytes kept for comparison: never handed out
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const v of Object.values(value)) deepFreeze(v)
  }
  return value
}

/** A memo keeping at most `limit` values (frozen), the least recently used out first (`evicted` hears of it). */
export function createMemo<T>(limit: number, evicted?: (value: T) => void): Memo<T> {
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
      const before = table.get(key)
      if (before !== undefined) {
        table.delete(key)
        evicted?.(before)
      } else if (table.size >= limit) {
        const oldest = table.keys().next().value!
        evicted?.(table.get(oldest)!)
        table.delete(oldest)
      }
      table.set(key, deepFreeze(value))
    },
    get size() {
      return table.size
    },
  }
}

/** The ranges a file's first analysis read beyond its head (offset, length pairs, sorted and merged), their
 * bytes (joined) when the worker can afford to keep them, else the digest of their places and bytes, and
 * what the analysis found. */
export type Replay = {ranges: number[]; bytes?: Buffer; digest?: string; findings: ContentFindings}

// Per thread, and shared: each worker tells the others (shareReplays) what it remembers, so a copy met by
// another worker is not analysed again.
let kept = 0 // bytes of kept entries
const replays = createMemo<Replay>(2048, (gone) => (kept -= gone.bytes?.length ?? 0))
const MAX_RANGES = 1024 // merged ranges kept for one file: bounds memory
const MAX_TRACED = 8 * 1024 * 1024 // bytes an analysis may read and still be remembered (they are held until then)
const SPAN_GAP = 4096 // ranges closer than this are read back in one read
// Comparing a copy's bytes with kept bytes costs a tenth of hashing them: kept up to 1 MiB per file and
// 24 MiB per worker; beyond that, a digest.
const MAX_KEPT = 1024 * 1024
const KEPT_BUDGET = 24 * 1024 * 1024
let replayBuffer = Buffer.alloc(0)
let shared: MessagePort | undefined

/** Exchange remembered entries with the other workers of the pool through this port (the pool passes them on). */
export function shareReplays(port: MessagePort | undefined): void {
  shared = port
}

// Take in what the other workers remembered since the last look. Read synchronously: a worker's loop
// rarely waits, so a listener would hear of them only after the last file.
function takeShared(): void {
  for (let m = shared && receiveMessageOnPort(shared); m; m = receiveMessageOnPort(shared!)) {
    const [key, replay] = m.message as [string, Replay]
    if (replays.get(key)) continue
    if (!replay.bytes) {
      keep(key, replay.ranges, undefined, replay.findings, replay.digest)
      continue
    }
    // The joined bytes, cut back into one piece per range (structured clone gives a plain Uint8Array).
    let at = 0
    const joined = Buffer.from(replay.bytes.buffer, replay.bytes.byteOffset, replay.bytes.byteLength)
    const parts = replay.ranges.filter((_, i) => i % 2 === 1).map((length) => joined.subarray(at, (at += length)))
    keep(key, replay.ranges, parts, replay.findings)
  }
}

// Keep an entry (parts: the bytes of each range): the bytes while the budget allows, else their digest.
function keep(key: string, ranges: number[], parts: Buffer[] | undefined, findings: ContentFindings, digest?: string): Replay {
  const total = parts?.reduce((n, b) => n + b.length, 0) ?? 0
  const replay: Replay = parts && total <= MAX_KEPT && kept + total <= KEPT_BUDGET
    ? {ranges, bytes: Buffer.concat(parts, total), findings} // a copy: reads may sit in reused memory
    : {ranges, digest: digest ?? rangesDigest(ranges, (i) => parts![i / 2]!), findings}
  kept += replay.bytes?.length ?? 0
  replays.set(key, replay)
  return replay
}

/** The digest of ranges (offset, length pairs) with their bytes, in order. */
function rangesDigest(ranges: number[], bytesOf: (i: number) => Buffer): string {
  const hash = crypto.createHash('sha256')
  const place = Buffer.alloc(12)
  for (let i = 0; i < ranges.length; i += 2) {
    place.writeDoubleLE(ranges[i]!, 0)
    place.writeUInt32LE(ranges[i + 1]!, 8)
    hash.update(place).update(bytesOf(i))
  }
  return hash.digest('hex')
}

/** Merge what an analysis read (offset and bytes, in any order, overlapping) into sorted ranges with their bytes. */
export function mergeReads(reads: Array<[number, Buffer]>): {ranges: number[]; bytes: Buffer[]} {
  const sorted = reads.filter(([, b]) => b.length > 0).sort((x, y) => x[0] - y[0])
  const ranges: number[] = []
  const groups: Array<Array<[number, Buffer]>> = []
  for (const read of sorted) {
    const last = ranges.length - 2
    if (last >= 0 && read[0] <= ranges[last]! + ranges[last + 1]!) {
      ranges[last + 1] = Math.max(ranges[last + 1]!, read[0] + read[1].length - ranges[last]!)
      groups[groups.length - 1]!.push(read)
    } else {
      ranges.push(read[0], read[1].length)
      groups.push([read])
    }
  }
  const bytes = groups.map((group, g) => {
    if (group.length === 1) return group[0]![1]
    const out = Buffer.allocUnsafe(ranges[g * 2 + 1]!)
    for (const [offset, b] of group) b.copy(out, offset - ranges[g * 2]!)
    return out
  })
  return {ranges, bytes}
}

// Read the remembered ranges of this file (nearby ones in one read, into memory reused from file to file);
// true when they hold the same bytes. Those reads do not count against this file's byte budget.
async function replayMatches(source: Source, known: Replay): Promise<boolean> {
  const spent = source.bytesRead
  const r = known.ranges
  // Spans: ranges less than SPAN_GAP apart, read in one call: [first range, end, start, length, place in kept bytes].
  const spans: Array<[number, number, number, number, number]> = []
  for (let i = 0, at = 0; i < r.length; ) {
    let j = i + 2
    while (j < r.length && r[j]! - (r[j - 2]! + r[j - 1]!) <= SPAN_GAP) j += 2
    spans.push([i, j, r[i]!, r[j - 2]! + r[j - 1]! - r[i]!, at])
    for (let k = i; k < j; k += 2) at += r[k + 1]!
    i = j
  }
  // Compared with kept bytes from the last span back: on a cold disk the kernel reads a range whose preceding
  // pages are not cached as asked, while an ascending walk looks sequential and pulls read-ahead with it. A
  // digest takes the ranges in order.
  if (known.bytes) spans.reverse()
  const hash = known.bytes ? undefined : crypto.createHash('sha256')
  const place = Buffer.alloc(12)
  try {
    for (const [i, j, spanStart, spanLength, kept] of spans) {
      if (source.readInto && replayBuffer.length < spanLength) replayBuffer = Buffer.allocUnsafe(Math.min(MAX_TRACED, Math.max(spanLength, 64 * 1024)))
      const span = source.readInto && spanLength <= replayBuffer.length ? source.readInto(spanStart, spanLength, replayBuffer) : await source.read(spanStart, spanLength)
      for (let k = i, at = kept; k < j; k += 2) {
        const bytes = span.subarray(r[k]! - spanStart, r[k]! - spanStart + r[k + 1]!)
        if (known.bytes) {
          if (bytes.length !== r[k + 1]! || !bytes.equals(known.bytes.subarray(at, at + r[k + 1]!))) return false
          at += r[k + 1]!
        } else {
          place.writeDoubleLE(r[k]!, 0)
          place.writeUInt32LE(r[k + 1]!, 8)
          hash!.update(place).update(bytes)
        }
      }
    }
    return known.bytes ? true : hash!.digest('hex') === known.digest
  } catch {
    return false
  } finally {
    source.bytesRead = spent
  }
}

/** What an earlier identical file gave, or how to remember what this one gives. */
export type Recall = {known?: ContentFindings; remember(findings: ContentFindings): void}

/** Look the open file up by its size, head and context, and check the ranges the earlier analysis read; on
 * a miss, trace the reads this file's analysis makes (through source.read) so that it can be remembered. */
export async function recall(source: Source, context: string): Promise<Recall> {
  const key = `${source.size}.${contentKey(source.head, context)}`
  takeShared()
  const known = replays.get(key)
  if (known && (await replayMatches(source, known))) return {known: known.findings, remember() {}}
  const reads: Array<[number, Buffer]> = []
  let traced = 0
  const read = source.read
  const headLength = source.head.length
  source.read = async (offset, length) => {
    const bytes = await read(offset, length)
    const start = Math.max(0, Math.min(offset, source.size))
    // The head is in the key: only what lies past it needs tracing.
    if (start + bytes.length > headLength && traced <= MAX_TRACED) {
      traced += bytes.length
      if (traced <= MAX_TRACED) reads.push([start, bytes])
      else reads.length = 0 // will not be remembered: hold nothing
    }
    return bytes
  }
  return {
    remember(findings) {
      source.read = read
      if (traced > MAX_TRACED) return
      const merged = mergeReads(reads)
      if (merged.ranges.length / 2 > MAX_RANGES) return
      const replay = keep(key, merged.ranges, merged.bytes, findings)
      shared?.postMessage([key, replay])
    },
  }
}
