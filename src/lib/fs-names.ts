// File names are bytes on Linux, not text. Names that are valid UTF-8 become ordinary strings; any byte
// that is not part of a valid UTF-8 sequence becomes the lone surrogate U+DC80+byte (PEP 383
// "surrogateescape", what Python's os.fsdecode does), so the string maps back to the exact bytes.
const strict = new TextDecoder('utf-8', {fatal: true})

/** Length of the valid UTF-8 sequence starting at i, or 0 when the byte there does not start one. */
function sequenceLength(b: Buffer, i: number): number {
  const c = b[i]!
  const cont = (k: number) => i + k < b.length && (b[i + k]! & 0xc0) === 0x80
  if (c < 0x80) return 1
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0
  if (c >= 0xe0 && c <= 0xef) {
    const c1 = b[i + 1] ?? 0
    if ((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 >= 0xa0)) return 0 // overlong, or a UTF-16 surrogate
    return cont(1) && cont(2) ? 3 : 0
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const c1 = b[i + 1] ?? 0
    if ((c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 >= 0x90)) return 0
    return cont(1) && cont(2) && cont(3) ? 4 : 0
  }
  return 0
}

/** Decode a file name's bytes to a string that encodeName turns back into the same bytes. */
export function decodeName(bytes: Buffer): string {
  try {
    return strict.decode(bytes)
  } catch {
    let out = ''
    for (let i = 0; i < bytes.length; ) {
      const n = sequenceLength(bytes, i)
      if (n === 0) {
        out += String.fromCharCode(0xdc00 + bytes[i]!)
        i++
      } else {
        out += bytes.toString('utf8', i, i + n)
        i += n
      }
    }
    return out
  }
}

/** True when the string carries escaped bytes (it came from a name that is not valid UTF-8). */
export function hasEscapedBytes(name: string): boolean {
  return /(?<![\ud800-\udbff])[\udc80-\udcff]/.test(name)
}

/** The exact bytes of a name decoded by decodeName. */
export function encodeName(name: string): Buffer {
  if (!hasEscapedBytes(name)) return Buffer.from(name, 'utf8')
  const parts: Buffer[] = []
  let run = ''
  for (let i = 0; i < name.length; i++) {
    const u = name.charCodeAt(i)
    const lone = u >= 0xdc80 && u <= 0xdcff && !(i > 0 && name.charCodeAt(i - 1) >= 0xd800 && name.charCodeAt(i - 1) <= 0xdbff)
    if (lone) {
      parts.push(Buffer.from(run, 'utf8'), Buffer.from([u - 0xdc00]))
      run = ''
    } else run += name[i]
  }
  parts.push(Buffer.from(run, 'utf8'))
  return Buffer.concat(parts)
}
