// Positioned reads of one file: identification and probes read small ranges, never whole files.
import {constants} from 'node:fs'
import {open, type FileHandle} from 'node:fs/promises'
import {decodeName} from '../lib/fs-names.js'
import {adviseRandom} from '../lib/readahead.js'

/** Raised when a file would cost more bytes than its budget allows. */
export class BudgetError extends Error {
  readonly code = 'budget-exceeded'
}

/** An open file that counts what it reads. */
export type Source = {
  path: string
  size: number
  /** Modification time from the open file's fstat (absent for in-memory sources). */
  mtime?: Date
  /** The first bytes of the file (up to headSize). */
  head: Buffer
  /** Bytes read so far, for the per-file budget and the benchmark. */
  bytesRead: number
  read(offset: number, length: number): Promise<Buffer>
  /** A blocking read into `target` (when it is large enough), for a caller that uses the bytes at once and
   * reads again into the same memory; ranges already in memory are returned from there. Sync sources only. */
  readInto?(offset: number, length: number, target: Buffer): Buffer
  /** The first bytes of the file read ahead by widen(): reads inside them are served from memory. */
  ahead?: Buffer
  /** Read the first `bytes` of the file in one read, into `ahead`: later reads in that range are served
   * from memory. Deep inspection of a small container makes dozens of small reads, each a system call.
   * The head stays as it was: what decides from the head alone does not see more bytes. */
  widen?(bytes: number): Promise<void>
  close(): Promise<void>
}

export type SourceOptions = {
  headSize?: number
  byteBudget?: number
  /** Date.now() after which reads fail with budget-exceeded. */
  deadline?: number
  /** Memory the head and a widened head are read into, instead of fresh buffers: for a caller that works
   * on one file at a time and keeps nothing of it (a worker thread), it saves an allocation per file. */
  scratch?: Buffer
}

/** Raised when what was opened is not a regular file (swapped for a FIFO or a link since the walk). */
export class NotRegularError extends Error {
  readonly code = 'not-regular'
}

// Never block on a FIFO swapped in after the walk, never follow a link swapped in either.
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW

/** The range a read may take, clamped to the file, or a BudgetError once the file's time or bytes run out.
 * Shared by the async Source and the worker threads' synchronous one, so both enforce the same budgets. */
export function readAllowance(size: number, options: SourceOptions): (spent: number, offset: number, length: number) => {start: number; want: number} {
  const budget = options.byteBudget ?? 64 * 1024 * 1024
  const deadline = options.deadline ?? Number.POSITIVE_INFINITY
  return (spent, offset, length) => {
    const start = Math.max(0, Math.min(offset, size))
    const want = Math.max(0, Math.min(length, size - start))
    if (Date.now() > deadline) throw new BudgetError('the per-file time budget ran out')
    if (spent + want > budget) throw new BudgetError(`reading ${want} bytes at ${start} would pass the ${budget}-byte budget`)
    return {start, want}
  }
}

/** The range from the head or the bytes read ahead when it lies inside them, else undefined: bytes already
 * in memory cost no read, but the time budget still holds (a probe looping on them must run out of time). */
export function fromHead(source: Source, allow: ReturnType<typeof readAllowance>, offset: number, length: number): Buffer | undefined {
  const held = source.ahead && source.ahead.length > source.head.length ? source.ahead : source.head
  if (offset < 0 || offset + length > held.length) return undefined
  allow(source.bytesRead, offset, 0)
  return held.subarray(offset, offset + length)
}

/** Open a file for positioned reads and read its head. `path` may be the raw bytes of the name. */
export async function openSource(path: string | Buffer, options: SourceOptions = {}): Promise<Source> {
  const handle: FileHandle = await open(path, OPEN_FLAGS)
  const stats = await handle.stat().catch(async (e) => {
    await handle.close()
    throw e
  })
  if (!stats.isFile()) {
    await handle.close()
    throw new NotRegularError('not a regular file when opened, not read')
  }
  adviseRandom(handle.fd)
  const size = stats.size
  const allow = readAllowance(size, options)
  const source: Source = {
    path: typeof path === 'string' ? path : decodeName(path),
    size,
    mtime: stats.mtime,
    head: Buffer.alloc(0),
    bytesRead: 0,
    async read(offset, length) {
      const cached = fromHead(source, allow, offset, length)
      if (cached) return cached
      const {start, want} = allow(source.bytesRead, offset, length)
      const buffer = Buffer.allocUnsafe(want)
      let got = 0
      while (got < want) {
        const {bytesRead} = await handle.read(buffer, got, want - got, start + got)
        if (bytesRead === 0) break // the file shrank under us
        got += bytesRead
      }
      source.bytesRead += got
      const bytes = got === want ? buffer : buffer.subarray(0, got)
      return bytes
    },
    async widen(bytes) {
      if (bytes > source.head.length && source.head.length < size) source.ahead = await source.read(0, Math.min(bytes, size))
    },
    close: () => handle.close(),
  }
  source.head = await source.read(0, options.headSize ?? 4096)
  return source
}

/** A Source over bytes already in memory (an OLE stream inside a file, a test buffer). */
export function bufferSource(path: string, bytes: Buffer): Source {
  return {
    path,
    size: bytes.length,
    head: bytes.subarray(0, 4096),
    bytesRead: 0,
    async read(offset, length) {
      return bytes.subarray(Math.max(0, offset), Math.max(0, offset) + Math.max(0, length))
    },
    async close() {},
  }
}
