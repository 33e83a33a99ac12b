// Apple iWork 2013+ archives (.iwa): chunks of Snappy-compressed protobuf messages. Only the first
// message's type is read: the root object of Index/Document.iwa says which application wrote the
// bundle (10000 = Pages' TP.DocumentArchive; Keynote and Numbers both use 1 and are told apart by
// their other files). Bounded: a few dozen bytes are decompressed, never a whole chunk.

// Snappy raw format: a varint length, then literal runs and back-references (copies).
function snappyPrefix(src: Buffer, max: number): Buffer {
  const out: number[] = []
  let p = 0
  while (p < src.length && src[p]! & 0x80) p++
  p++ // the uncompressed length, not needed
  while (p < src.length && out.length < max) {
    const tag = src[p++]!
    if ((tag & 3) === 0) {
      let n = tag >> 2
      if (n >= 60) {
        const bytes = n - 59
        n = 0
        for (let i = 0; i < bytes; i++) n |= src[p++]! << (8 * i)
      }
      for (let i = 0; i <= n && out.length < max; i++) out.push(src[p++]!)
      continue
    }
    let n: number
    let offset: number
    if ((tag & 3) === 1) {
      n = ((tag >> 2) & 7) + 4
      offset = ((tag >> 5) << 8) | src[p++]!
    } else if ((tag & 3) === 2) {
      n = (tag >> 2) + 1
      offset = src[p]! | (src[p + 1]! << 8)
      p += 2
    } else {
      n = (tag >> 2) + 1
      offset = src.readUInt32LE(p)
      p += 4
    }
    if (offset === 0 || offset > out.length) break // corrupt: nothing to copy from
    for (let i = 0; i < n && out.length < max; i++) out.push(out[out.length - offset]!)
  }
  return Buffer.from(out)
}

function varint(b: Buffer, at: {i: number}): number | undefined {
  let value = 0
  for (let shift = 0; shift < 35 && at.i < b.length; shift += 7) {
    const x = b[at.i++]!
    value += (x & 0x7f) * 2 ** shift
    if (x < 0x80) return value
  }
  return undefined
}

/** The message type of the first object in an .iwa file's head, or undefined when unreadable. */
export function firstMessageType(iwa: Buffer): number | undefined {
  // Chunk header: type 0 (Snappy), then a 3-byte little-endian length.
  if (iwa.length < 8 || iwa[0] !== 0) return undefined
  const body = snappyPrefix(iwa.subarray(4, 4 + iwa.readUIntLE(1, 3)), 64)
  // ArchiveInfo length, then field 1 (identifier), field 2 (MessageInfo) whose field 1 is the type.
  const at = {i: 0}
  if (varint(body, at) === undefined || body[at.i++] !== 0x08 || varint(body, at) === undefined) return undefined
  if (body[at.i++] !== 0x12 || varint(body, at) === undefined || body[at.i++] !== 0x08) return undefined
  return varint(body, at)
}
