// Positioned reads that never read a byte twice: the tail, xref sections, object ranges and stream
// bodies often overlap (linearized files keep an xref at the start, XMP sits inside an object range),
// so each request reads only the parts not read yet and joins them with those already held.
import type {ReadAt} from './pdf-xref.js'

/** Raised when the reads pass their cap (the caller then falls back). */
export class ReadCapError extends Error {}

type Piece = {start: number; buf: Buffer}

/** A reader over `read` that caches what it read; `head` counts as read already. */
export function cachedReader(read: ReadAt, size: number, head: Buffer, maxRead: number): ReadAt {
  const pieces: Piece[] = head.length > 0 ? [{start: 0, buf: head}] : [] // sorted, never overlapping
  let spent = 0
  // Index of the last piece starting at or before `at` (-1 when none).
  const find = (at: number) => {
    let lo = 0
    let hi = pieces.length - 1
    let found = -1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (pieces[mid]!.start <= at) {
        found = mid
        lo = mid + 1
      } else hi = mid - 1
    }
    return found
  }
  return async (offset, length) => {
    const end = Math.min(offset + length, size)
    const parts: Buffer[] = []
    let at = Math.max(0, offset)
    while (at < end) {
      const i = find(at)
      const p = pieces[i]
      if (p && at < p.start + p.buf.length) {
        const stop = Math.min(end, p.start + p.buf.length)
        parts.push(p.buf.subarray(at - p.start, stop - p.start))
        at = stop
        continue
      }
      const stop = Math.min(end, pieces[i + 1]?.start ?? end)
      if ((spent += stop - at) > maxRead) throw new ReadCapError('PDF read cap')
      const buf = await read(at, stop - at)
      if (buf.length > 0) pieces.splice(i + 1, 0, {start: at, buf})
      parts.push(buf)
      if (buf.length < stop - at) break // the file shrank under us
      at = stop
    }
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts)
  }
}
