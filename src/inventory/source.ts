// Reading an export as text without holding it: the encoding is chosen from the first bytes (BOM,
// UTF-16LE without BOM as some tools write it, UTF-8 when valid, else Windows-1252 as French Excel saves),
// then chunks are decoded as they stream, so a million-row export stays in bounded memory.
import {createReadStream} from 'node:fs'
import {open, stat} from 'node:fs/promises'
import path from 'node:path'
import {TextDecoder} from 'node:util'
import {InventoryError} from './reader.js'

/** The encoding the first bytes of an export call for. */
export function encodingOf(head: Buffer): {encoding: string; skip: number} {
  if (head[0] === 0xff && head[1] === 0xfe) return {encoding: 'utf-16le', skip: 2}
  if (head[0] === 0xfe && head[1] === 0xff) return {encoding: 'utf-16be', skip: 2}
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return {encoding: 'utf-8', skip: 3}
  if (head.length >= 4 && head[1] === 0 && head[3] === 0 && head[0] !== 0) return {encoding: 'utf-16le', skip: 0}
  try {
    // A multi-byte character may be cut at the end of the head: leave the last 3 bytes out of the test.
    new TextDecoder('utf-8', {fatal: true}).decode(head.subarray(0, Math.max(0, head.length - 3)))
    return {encoding: 'utf-8', skip: 0}
  } catch {
    return {encoding: 'windows-1252', skip: 0}
  }
}

/** Decode a whole (small) buffer the same way: used on the head for sniffing. */
export function decodeHead(head: Buffer): string {
  const {encoding, skip} = encodingOf(head)
  return new TextDecoder(encoding).decode(head.subarray(skip))
}

function failure(file: string, e: unknown): InventoryError {
  if (e instanceof InventoryError) return e
  const code = (e as NodeJS.ErrnoException).code
  return new InventoryError(`inventory ${file} cannot be read: ${code ?? (e as Error).message}`, code ?? 'bad-inventory')
}

/** Stream the decoded text of an export, chunk by chunk. Undecodable or cut UTF-16 is an error naming the file. */
export async function* textChunks(file: string): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined
  let utf8Fallback = false
  try {
    for await (const raw of createReadStream(file, {highWaterMark: 1 << 16})) {
      let chunk = raw as Buffer
      if (!decoder) {
        const {encoding, skip} = encodingOf(chunk)
        decoder = new TextDecoder(encoding, {fatal: encoding === 'utf-8'})
        chunk = chunk.subarray(skip)
      }
      try {
        yield decoder.decode(chunk, {stream: true})
      } catch {
        if (utf8Fallback) throw new InventoryError(`${file}: not decodable as UTF-8 or Windows-1252`, 'undecodable')
        // Valid UTF-8 at the start, not later: the rest is read as Windows-1252 (mixed exports exist).
        utf8Fallback = true
        decoder = new TextDecoder('windows-1252')
        yield decoder.decode(chunk, {stream: true})
      }
    }
    if (decoder) {
      const rest = decoder.decode()
      if (rest.includes('\ufffd') && decoder.encoding.startsWith('utf-16')) {
        throw new InventoryError(`${file}: truncated UTF-16 text (odd number of bytes)`, 'truncated')
      }
      yield rest
    }
  } catch (e) {
    throw failure(file, e)
  }
}

/** Stream the lines of an export with their 1-based numbers (CRLF or LF). */
export async function* textLines(file: string): AsyncGenerator<{text: string; line: number}> {
  let pending = ''
  let line = 0
  for await (const chunk of textChunks(file)) {
    pending += chunk
    let from = 0
    let at: number
    while ((at = pending.indexOf('\n', from)) !== -1) {
      line++
      yield {text: pending.slice(from, pending.charCodeAt(at - 1) === 13 && at > from ? at - 1 : at), line}
      from = at + 1
    }
    pending = pending.slice(from)
  }
  if (pending !== '') yield {text: pending.replace(/\r$/, ''), line: line + 1}
}

const MAX_DOCUMENT = 512 * 1024 * 1024

/** Read a whole document (JSON, plist) as text; refuses files too large to hold. */
export async function readText(file: string): Promise<string> {
  try {
    const {size} = await stat(file)
    if (size > MAX_DOCUMENT) throw new InventoryError(`${file}: ${size} bytes is too large to read as one document`, 'budget-exceeded')
  } catch (e) {
    throw failure(file, e)
  }
  let text = ''
  for await (const chunk of textChunks(file)) text += chunk
  return text
}

/** Parse a JSON export; a cut or broken file is an error naming it. */
export async function readJson(file: string): Promise<unknown> {
  const text = await readText(file)
  try {
    return JSON.parse(text)
  } catch (e) {
    throw new InventoryError(`${file}: not valid JSON (${(e as Error).message}); is the export truncated?`, 'truncated')
  }
}

/** The first 64 KiB of a file, for sniffing. */
export async function readHead(file: string, size = 65_536): Promise<Buffer> {
  try {
    const handle = await open(file, 'r')
    try {
      const buf = Buffer.alloc(size)
      const {bytesRead} = await handle.read(buf, 0, size, 0)
      return buf.subarray(0, bytesRead)
    } finally {
      await handle.close()
    }
  } catch (e) {
    throw failure(file, e)
  }
}

/** The host an export names nowhere inside: its file name without extensions (PC-FIN-01.csv → PC-FIN-01). */
export function hostFromFile(file: string): string {
  return path.basename(file).replace(/\..*$/, '') || path.basename(file)
}
