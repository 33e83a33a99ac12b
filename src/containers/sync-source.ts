// A Source over blocking positioned reads (pread). On a warm cache a pread costs a few microseconds,
// while a promise round trip through libuv's thread pool costs tens: worker threads identify files
// one after another with these, and the pool of workers provides the parallelism. Same guarantees as
// openSource: no FIFO blocking, no link following, regular files only, byte and time budgets.
import {closeSync, constants, fstatSync, openSync, readSync} from 'node:fs'
import {decodeName} from '../lib/fs-names.js'
import {adviseRandom} from '../lib/readahead.js'
import {fromHead, NotRegularError, readAllowance, type Source, type SourceOptions} from './source.js'

const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW

/** Open a file for blocking positioned reads (behind the async Source interface) and read its head. */
export function openSourceSync(path: string | Buffer, options: SourceOptions = {}): Source {
  const fd = openSync(path, OPEN_FLAGS)
  let size: number
  let mtime: Date
  try {
    const stats = fstatSync(fd)
    if (!stats.isFile()) throw new NotRegularError('not a regular file when opened, not read')
    size = stats.size
    mtime = stats.mtime
    adviseRandom(fd)
  } catch (e) {
    closeSync(fd)
    throw e
  }
  const allow = readAllowance(size, options)
  let closed = false
  // Reads into `target` (fresh memory when not given), clamped to the file and to the budgets.
  const readNow = (offset: number, length: number, target?: Buffer): Buffer => {
    const {start, want} = allow(source.bytesRead, offset, length)
    const buffer = target && target.length >= want ? target.subarray(0, want) : Buffer.allocUnsafe(want)
    let got = 0
    while (got < want) {
      const n = readSync(fd, buffer, got, want - got, start + got)
      if (n === 0) break // the file shrank under us
      got += n
    }
    source.bytesRead += got
    return got === buffer.length ? buffer : buffer.subarray(0, got)
  }
  const scratch = options.scratch
  const source: Source = {
    path: typeof path === 'string' ? path : decodeName(path),
    size,
    mtime,
    head: Buffer.alloc(0),
    bytesRead: 0,
    // Ranges inside the head (an OLE2 FAT and directory, often) are served without another read.
    read: async (offset, length) => fromHead(source, allow, offset, length) ?? readNow(offset, length),
    readInto: (offset, length, target) => fromHead(source, allow, offset, length) ?? readNow(offset, length, target),
    async widen(bytes) {
      const want = Math.min(bytes, size)
      if (want <= source.head.length) return
      // The head already sits at the start of the scratch memory: read only what follows it.
      if (scratch && want <= scratch.length && source.head.buffer === scratch.buffer && source.head.byteOffset === scratch.byteOffset) {
        const more = readNow(source.head.length, want - source.head.length, scratch.subarray(source.head.length, want))
        source.ahead = scratch.subarray(0, source.head.length + more.length)
      } else source.ahead = readNow(0, want)
    },
    async close() {
      if (!closed) closeSync(fd)
      closed = true
    },
  }
  try {
    const headSize = options.headSize ?? 4096
    source.head = readNow(0, headSize, scratch && scratch.length >= headSize ? scratch.subarray(0, Math.min(headSize, size)) : undefined)
  } catch (e) {
    closeSync(fd)
    throw e
  }
  return source
}
