// A ZIP reader that trusts the central directory, not the order of local headers (LibreOffice and
// streaming writers reorder entries), and inflates only small entries, with a ratio guard.
import {constants, inflateRawSync} from 'node:zlib'
import type {Source} from './source.js'

const EOCD = 0x06054b50
const ZIP64_LOCATOR = 0x07064b50
const ZIP64_EOCD = 0x06064b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

/** Raised when the archive's structure is broken. */
export class ZipError extends Error {
  readonly code: string
  constructor(message: string, code = 'corrupt-container') {
    super(message)
    this.code = code
  }
}

export type ZipEntry = {
  name: string
  method: number
  encrypted: boolean
  compressedSize: number
  size: number
  localOffset: number
  /** The local header's length if it repeats the central record's name and extra field (it usually does). */
  localHeaderGuess: number
}

export type Zip = {
  entries: ZipEntry[]
  find(name: string): ZipEntry | undefined
  /** Inflate one entry; refuses entries over maxBytes or with a suspicious ratio. */
  read(entry: ZipEntry, maxBytes?: number): Promise<Buffer>
  /** The first bytes of an entry, inflating only as much as needed (for root elements of big parts). */
  readHead(entry: ZipEntry, bytes: number): Promise<Buffer>
}

export type ZipOptions = {maxCentralDirectory?: number; maxEntries?: number; maxRatio?: number}

/** True when the bytes start like a ZIP archive (local header or empty archive). */
export function isZip(head: Buffer): boolean {
  return head.length >= 4 && (head.readUInt32LE(0) === LOCAL || head.readUInt32LE(0) === EOCD)
}

async function findEocd(source: Source): Promise<{buf: Buffer; at: number; bufStart: number}> {
  // The EOCD is 22 bytes plus a comment of at most 65,535: look in the last 4 KiB first, then wider.
  for (const span of [4096, 65_557]) {
    const start = Math.max(0, source.size - span)
    const buf = await source.read(start, source.size - start)
    for (let i = buf.length - 22; i >= 0; i--) {
      if (buf.readUInt32LE(i) === EOCD) return {buf, at: i, bufStart: start}
    }
    if (start === 0) break
  }
  throw new ZipError('no end-of-central-directory record: the archive is truncated', 'truncated')
}

/** Read the central directory of the archive behind a Source. */
export async function openZip(source: Source, options: ZipOptions = {}): Promise<Zip> {
  const maxCd = options.maxCentralDirectory ?? 32 * 1024 * 1024
  const maxEntries = options.maxEntries ?? 200_000
  const {buf, at, bufStart} = await findEocd(source)
  let zip64 = false
  let count = buf.readUInt16LE(at + 10)
  let cdSize = buf.readUInt32LE(at + 12)
  let cdOffset = buf.readUInt32LE(at + 16)
  const eocdPos = bufStart + at
  if ((count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) && at >= 20 && buf.readUInt32LE(at - 20) === ZIP64_LOCATOR) {
    const recordPos = Number(buf.readBigUInt64LE(at - 12))
    const rec = await source.read(recordPos, 56)
    if (rec.length < 56 || rec.readUInt32LE(0) !== ZIP64_EOCD) throw new ZipError('ZIP64 end record is missing')
    count = Number(rec.readBigUInt64LE(32))
    cdSize = Number(rec.readBigUInt64LE(40))
    cdOffset = Number(rec.readBigUInt64LE(48))
    zip64 = true
  }
  // Data prepended to the archive (self-extractors) shifts every offset by the same amount.
  const shift = !zip64 && eocdPos > cdOffset + cdSize ? eocdPos - (cdOffset + cdSize) : 0
  // The end record is there, so the end of the file is too: offsets past it are damage, not a cut.
  if (cdOffset + shift + cdSize > source.size) throw new ZipError('central directory points past the end of the file, although the end record is there: the archive is damaged')
  if (cdSize > maxCd) throw new ZipError(`central directory of ${cdSize} bytes is over the ${maxCd}-byte limit`, 'budget-exceeded')
  if (count > maxEntries) throw new ZipError(`${count} entries is over the ${maxEntries}-entry limit`, 'budget-exceeded')
  // Small archives: the central directory is already inside the tail read for the end record.
  const cdStart = cdOffset + shift
  const cd = cdStart >= bufStart && cdStart + cdSize <= bufStart + buf.length ? buf.subarray(cdStart - bufStart, cdStart - bufStart + cdSize) : await source.read(cdStart, cdSize)
  return zipOver(source, parseCentralDirectory(cd, count, shift), options)
}

function zipOver(source: Source, entries: ZipEntry[], options: ZipOptions): Zip {
  // OPC part names compare case-insensitively (ECMA-376-2 §9.1.1.1); the first of two equal names wins.
  const byName = new Map<string, ZipEntry>()
  for (const e of entries) if (!byName.has(e.name.toLowerCase())) byName.set(e.name.toLowerCase(), e)
  return {
    entries,
    find: (name) => byName.get(name.toLowerCase()),
    read: (entry, maxBytes) => readEntry(source, entry, maxBytes ?? 8 * 1024 * 1024, options.maxRatio ?? 200),
    readHead: (entry, bytes) => readEntryHead(source, entry, bytes),
  }
}

const SCAN_LIMIT = 4 * 1024 * 1024

// The next local header after `from`, found by its signature: for entries whose sizes only a data descriptor
// gives (streamed writers: Excel, System.IO.Packaging). -1 when none within the scan limit.
async function nextLocalHeader(source: Source, from: number): Promise<number> {
  const signature = Buffer.from([0x50, 0x4b, 0x03, 0x04])
  for (let at = from; at < Math.min(source.size, from + SCAN_LIMIT); at += 64 * 1024 - 3) {
    const i = (await source.read(at, 64 * 1024)).indexOf(signature)
    if (i >= 0) return at + i
  }
  return -1
}

/** What an archive cut short (no end record) still shows: its local headers from the start, up to the cut.
 * Entries whose sizes only a data descriptor gives end where the next local header's signature is found.
 * Used to name a truncated archive, never to trust it: the record keeps its error. */
export async function openZipFromLocalHeaders(source: Source, options: ZipOptions = {}): Promise<Zip> {
  const entries: ZipEntry[] = []
  for (let at = 0; entries.length < (options.maxEntries ?? 10_000) && at + 30 <= source.size; ) {
    const h = await source.read(at, 30 + 512)
    if (h.length < 30 || h.readUInt32LE(0) !== LOCAL) break
    const flags = h.readUInt16LE(6)
    const [nameLength, extraLength] = [h.readUInt16LE(26), h.readUInt16LE(28)]
    const nameBytes = h.length >= 30 + nameLength ? h.subarray(30, 30 + nameLength) : await source.read(at + 30, nameLength)
    if (nameBytes.length < nameLength) break
    const dataStart = at + 30 + nameLength + extraLength
    let compressedSize = h.readUInt32LE(18)
    let next = dataStart + compressedSize
    if (flags & 8 || compressedSize === 0xffffffff) {
      next = await nextLocalHeader(source, dataStart)
      if (next < 0) break
      compressedSize = next - dataStart // the data descriptor's bytes come along: inflation stops before them
    }
    entries.push({
      name: nameBytes.toString(flags & 0x800 ? 'utf8' : 'latin1').replace(/\\/g, '/'),
      method: h.readUInt16LE(8), encrypted: (flags & 1) === 1, compressedSize, size: h.readUInt32LE(22),
      localOffset: at, localHeaderGuess: 30 + nameLength + extraLength,
    })
    at = next
  }
  return zipOver(source, entries, options)
}

function parseCentralDirectory(cd: Buffer, count: number, shift: number): ZipEntry[] {
  const entries: ZipEntry[] = []
  let p = 0
  while (p + 46 <= cd.length && entries.length < count) {
    if (cd.readUInt32LE(p) !== CENTRAL) throw new ZipError(`central directory entry ${entries.length} has a bad signature`)
    const flags = cd.readUInt16LE(p + 8)
    const nameLength = cd.readUInt16LE(p + 28)
    const extraLength = cd.readUInt16LE(p + 30)
    const commentLength = cd.readUInt16LE(p + 32)
    const nameBytes = cd.subarray(p + 46, p + 46 + nameLength)
    let compressedSize = cd.readUInt32LE(p + 20)
    let size = cd.readUInt32LE(p + 24)
    let localOffset = cd.readUInt32LE(p + 42)
    // ZIP64 extra field (id 1): only the fields that overflowed are present, in this order.
    const extra = cd.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength)
    for (let e = 0; e + 4 <= extra.length; ) {
      const id = extra.readUInt16LE(e)
      const len = extra.readUInt16LE(e + 2)
      if (id === 1) {
        let q = e + 4
        const take = () => (q + 8 <= e + 4 + len && q + 8 <= extra.length ? Number(extra.readBigUInt64LE((q += 8) - 8)) : 0)
        if (size === 0xffffffff) size = take()
        if (compressedSize === 0xffffffff) compressedSize = take()
        if (localOffset === 0xffffffff) localOffset = take()
      }
      e += 4 + len
    }
    entries.push({
      // APPNOTE 4.4.17 wants forward slashes; some Windows writers store backslashes, which readers accept.
      name: nameBytes.toString(flags & 0x800 ? 'utf8' : 'latin1').replace(/\\/g, '/'),
      method: cd.readUInt16LE(p + 10),
      encrypted: (flags & 1) === 1,
      compressedSize,
      size,
      localOffset: localOffset + shift,
      localHeaderGuess: 30 + nameLength + extraLength,
    })
    p += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

// The local header and the first `compressedBytes` of the data, in one read when the local header is as
// long as the central record suggests (a second read only when it is not): a system call per part saved.
async function entryData(source: Source, entry: ZipEntry, compressedBytes: number): Promise<Buffer> {
  const want = Math.min(compressedBytes, entry.compressedSize)
  const slack = 64 // room for a local extra field a little longer than the central one
  const first = await source.read(entry.localOffset, entry.localHeaderGuess + want + slack)
  if (first.length < 30 || first.readUInt32LE(0) !== LOCAL) throw new ZipError(`local header of ${entry.name} is missing`)
  const header = 30 + first.readUInt16LE(26) + first.readUInt16LE(28)
  if (entry.localOffset + header + want > source.size) throw new ZipError(`${entry.name} runs past the end of the file`, 'truncated')
  if (header + want <= first.length) return first.subarray(header, header + want)
  return source.read(entry.localOffset + header, want)
}

async function readEntryHead(source: Source, entry: ZipEntry, bytes: number): Promise<Buffer> {
  if (entry.encrypted) throw new ZipError(`${entry.name} is encrypted`, 'encrypted')
  if (entry.method === 0) return entryData(source, entry, bytes)
  if (entry.method !== 8) throw new ZipError(`${entry.name} uses compression method ${entry.method}`, 'unsupported')
  // Deflate is a stream: a prefix of the compressed bytes inflates to a prefix of the content.
  const data = await entryData(source, entry, Math.max(1024, bytes))
  try {
    return inflateRawSync(data, {finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: data.length * 1100 + 1024}).subarray(0, bytes)
  } catch (error) {
    throw new ZipError(`${entry.name} does not inflate: ${(error as Error).message}`)
  }
}

async function readEntry(source: Source, entry: ZipEntry, maxBytes: number, maxRatio: number): Promise<Buffer> {
  if (entry.encrypted) throw new ZipError(`${entry.name} is encrypted`, 'encrypted')
  if (entry.size > maxBytes) throw new ZipError(`${entry.name} declares ${entry.size} bytes, over the ${maxBytes}-byte limit`, 'budget-exceeded')
  const data = await entryData(source, entry, entry.compressedSize)
  if (entry.method === 0) return data.subarray(0, Math.min(entry.size, maxBytes))
  if (entry.method !== 8) throw new ZipError(`${entry.name} uses compression method ${entry.method}`, 'unsupported')
  // The output cap stops a bomb whose declared size lies; the ratio cap refuses obvious ones early.
  const cap = Math.min(maxBytes, Math.max(1024, entry.compressedSize * maxRatio))
  try {
    // Output memory sized from the declared size: one allocation instead of 16 KiB chunks joined at the
    // end (a third faster on a 1.6 MB sheet); a lying size only costs more chunks, the cap still holds.
    return inflateRawSync(data, {maxOutputLength: cap, chunkSize: Math.min(cap, Math.max(64, entry.size + 1))})
  } catch (error) {
    const code = (error as {code?: string}).code
    if (code === 'ERR_BUFFER_TOO_LARGE') throw new ZipError(`${entry.name} inflates past ${cap} bytes (ratio guard)`, 'budget-exceeded')
    throw new ZipError(`${entry.name} does not inflate: ${(error as Error).message}`)
  }
}
