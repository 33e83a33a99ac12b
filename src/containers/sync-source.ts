// A Source over blocking positioned reads (pread). On a warm cache a pread costs a few microseconds,
// while a promise round trip through libuv's thread pool costs tens: worker threads identify files
// one after another with these, and the pool of workers provides the parallelism. Same guarantees as
// openSource: no FIFO blocking, no link following, regular files only, byte and time budgets.
import {closeSync, constants, fstatSync, openSync, readSync} from 'node:fs'
import {decodeName} from '../lib/fs-names.js'
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
  } catch (e) {
    closeSync(fd)
    throw e
  }
  const allow = readAllowance(size, options)
  let closed = false
  const readNow = (offset: number, length: number): Buffer => {
    const {start, want} = allow(source.bytesRead, offset, length)
    const buffer = Buffer.allocUnsafe(want)
    let got = 0
    while (got < want) {
      const n = readSync(fd, buffer, got, want - got, start + got)
      if (n === 0) break // the file shrank under us
      got += n
    }
    source.bytesRead += got
    return got === want ? buffer : buffer.subarray(0, got)
  }
  const source: Source = {
    path: typeof path === 'string' ? path : decodeName(path),
    size,
    mtime,
    head: Buffer.alloc(0),
    bytesRead: 0,
    // Ranges inside the head (an OLE2 FAT and directory, often) are served without another read.
    read: async (offset, length) => fromHead(source, allow, offset, length) ?? readNow(offset, length),
    async widen(bytes) {
      if (bytes > source.head.length && source.head.length < size) source.head = readNow(0, Math.min(bytes, size))
    },
    async close() {
      if (!closed) closeSync(fd)
      closed = true
    },
  }
  try {
    source.head = readNow(0, options.headSize ?? 4096)
  } catch (e) {
    closeSync(fd)
    throw e
  }
  return source
}
