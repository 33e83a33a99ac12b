// [MS-OVBA] 2.4.1 decompression and 2.3.4.2 dir stream parsing: enough to read module source text.
// Output is capped so a crafted stream cannot make a small file expand without bound.

/** Decompress an MS-OVBA CompressedContainer (signature byte 0x01, then 4 KiB chunks). */
export function decompressOvba(data: Buffer, maxBytes = 4 * 1024 * 1024): Buffer {
  if (data.length === 0 || data[0] !== 0x01) throw new Error('not an MS-OVBA compressed container')
  // Output grows in a Buffer (not an array of numbers): module sources run to hundreds of kilobytes.
  let out = Buffer.allocUnsafe(Math.min(maxBytes, Math.max(4096, data.length * 3)))
  let length = 0
  const push = (byte: number) => {
    if (length === out.length) {
      const bigger = Buffer.allocUnsafe(Math.min(maxBytes, out.length * 2))
      out.copy(bigger)
      out = bigger
    }
    out[length++] = byte
  }
  let p = 1
  while (p + 2 <= data.length && length < maxBytes) {
    const header = data.readUInt16LE(p)
    if (((header >> 12) & 0x7) !== 0b011) break // not a chunk signature: the container ended
    const chunkEnd = Math.min(data.length, p + 2 + (header & 0x0fff) + 1)
    const compressed = (header & 0x8000) !== 0
    p += 2
    const chunkStart = length
    if (!compressed) {
      for (let i = 0; i < 4096 && p < data.length && length < maxBytes; i++) push(data[p++]!)
      continue
    }
    while (p < chunkEnd && length < maxBytes) {
      const flags = data[p++]!
      for (let bit = 0; bit < 8 && p < chunkEnd; bit++) {
        if ((flags & (1 << bit)) === 0) {
          if (length < maxBytes) push(data[p++]!)
          else p++
          continue
        }
        if (p + 2 > chunkEnd) {
          p = chunkEnd
          break
        }
        const token = data.readUInt16LE(p)
        p += 2
        const position = length - chunkStart
        const bitCount = Math.max(4, Math.ceil(Math.log2(Math.max(1, position))))
        const lengthMask = 0xffff >> bitCount
        const count = (token & lengthMask) + 3
        const offset = (token >> (16 - bitCount)) + 1
        if (offset > position) throw new Error('MS-OVBA copy token points before its chunk')
        for (let i = 0; i < count && length < maxBytes; i++) push(out[length - offset]!)
      }
    }
    p = chunkEnd
  }
  return Buffer.from(out.subarray(0, length))
}

/** A module as the dir stream declares it. */
export type VbaModuleRef = {name: string; stream: string; offset: number}

/** Read the module list from a decompressed dir stream ([MS-OVBA] 2.3.4.2). */
export function parseDir(dir: Buffer): {modules: VbaModuleRef[]; codePage?: number} {
  const modules: VbaModuleRef[] = []
  let current: Partial<VbaModuleRef> | undefined
  let codePage: number | undefined
  let p = 0
  while (p + 6 <= dir.length) {
    const id = dir.readUInt16LE(p)
    const size = dir.readUInt32LE(p + 2)
    // PROJECTVERSION declares a Reserved size of 4 but carries 6 more bytes.
    const length = id === 0x0009 ? 6 : size
    const body = dir.subarray(p + 6, p + 6 + length)
    p += 6 + length
    if (id === 0x0003 && body.length >= 2) codePage = body.readUInt16LE(0)
    else if (id === 0x0019) current = {name: body.toString('latin1')}
    else if (id === 0x001a && current) current.stream = body.toString('latin1')
    else if (id === 0x0032 && current && body.length > 0) current.stream = body.toString('utf16le')
    else if (id === 0x0031 && current && body.length >= 4) current.offset = body.readUInt32LE(0)
    else if (id === 0x002b && current) {
      if (current.stream !== undefined) modules.push({name: current.name ?? current.stream, stream: current.stream, offset: current.offset ?? 0})
      current = undefined
    }
  }
  return {modules, codePage}
}
