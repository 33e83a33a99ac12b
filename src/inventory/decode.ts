// Exports arrive as UTF-8, UTF-8 with BOM, UTF-16LE (regedit, PowerShell 5) or cp1252 (French Excel).
import {TextDecoder} from 'node:util'

/** Decode bytes by their BOM, else as UTF-8 when valid, else as Windows-1252. */
export function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le')
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2))
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8')
  try {
    return new TextDecoder('utf-8', {fatal: true}).decode(bytes)
  } catch {
    return new TextDecoder('windows-1252').decode(bytes)
  }
}
