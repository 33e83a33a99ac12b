// A reader for OLE2 / Compound File Binary ([MS-CFB]) that reads only the sectors it needs:
// the header, the FAT sectors on the directory's chain, the directory, and the streams asked for.
// Hand-written because the npm readers load the whole file into memory, and a 200 MB .xls must
// cost the same to identify as a 20 kB one.
import type {Source} from './source.js'

export const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
const FREE = 0xffffffff
const END_OF_CHAIN = 0xfffffffe
const MAX_REGULAR_SECTOR = 0xfffffffa
const NO_STREAM = 0xffffffff

/** Raised when the compound file's structure is broken (truncated, loops, bad pointers). */
export class CfbError extends Error {
  constructor(message: string, readonly code: 'corrupt-container' | 'truncated' = 'corrupt-container') {
    super(message)
  }
}

/** One storage or stream of the directory, with its full path ("Macros/VBA/dir"). */
export type CfbEntry = {
  name: string
  path: string
  type: 'storage' | 'stream' | 'root'
  clsid: string
  size: number
  start: number
}

/** An opened compound file: its directory, and a way to read a stream. */
export type Cfb = {
  majorVersion: number
  entries: CfbEntry[]
  root: CfbEntry
  /** Set when the file is cut short (its FAT lies past the end): chains stop at the cut, and this says where. */
  truncated?: string
  find(path: string): CfbEntry | undefined
  readStream(entry: CfbEntry, maxBytes?: number): Promise<Buffer>
  /** Random access to a stream, for walkers that skip what they do not need (reads only the sectors asked for). */
  openStream(entry: CfbEntry, maxBytes?: number): Promise<StreamBytes>
}

/** A stream's bytes, read on demand. */
export type StreamBytes = {size: number; read(offset: number, length: number): Promise<Buffer>}

/** A buffer seen as a stream. */
export const bufferBytes = (bytes: Buffer): StreamBytes => ({size: bytes.length, read: async (offset, length) => bytes.subarray(offset, offset + length)})

type Header = {
  sectorSize: number
  miniSectorSize: number
  miniCutoff: number
  fatSectors: number
  firstDirSector: number
  firstMiniFatSector: number
  miniFatSectors: number
  firstDifatSector: number
  difatSectors: number
  difat: number[]
  majorVersion: number
}

/** True when the bytes start with the OLE2 signature. */
export function isCfb(head: Buffer): boolean {
  return head.length >= 8 && head.subarray(0, 8).equals(CFB_SIGNATURE)
}

function parseHeader(head: Buffer): Header {
  if (head.length < 512 || !isCfb(head)) throw new CfbError('OLE2 header is truncated or missing')
  const majorVersion = head.readUInt16LE(0x1a)
  const sectorShift = head.readUInt16LE(0x1e)
  if (sectorShift !== 9 && sectorShift !== 12) throw new CfbError(`OLE2 sector shift ${sectorShift} is invalid`)
  const difat: number[] = []
  for (let i = 0; i < 109; i++) difat.push(head.readUInt32LE(0x4c + i * 4))
  return {
    majorVersion,
    sectorSize: 1 << sectorShift,
    miniSectorSize: 1 << head.readUInt16LE(0x20),
    fatSectors: head.readUInt32LE(0x2c),
    firstDirSector: head.readUInt32LE(0x30),
    miniCutoff: head.readUInt32LE(0x38),
    firstMiniFatSector: head.readUInt32LE(0x3c),
    miniFatSectors: head.readUInt32LE(0x40),
    firstDifatSector: head.readUInt32LE(0x44),
    difatSectors: head.readUInt32LE(0x48),
    difat,
  }
}

/** Open the compound file behind a Source and read its directory. */
export async function openCfb(source: Source): Promise<Cfb> {
  const h = parseHeader(source.head.length >= 512 ? source.head : await source.read(0, 512))
  const sectorCount = Math.ceil(Math.max(0, source.size - h.sectorSize) / h.sectorSize)
  const sectorOffset = (s: number) => (s + 1) * h.sectorSize
  const fatCache = new Map<number, Buffer>()
  let difatChain: number[] | undefined
  let truncated: string | undefined
  let cutShort: Promise<boolean> | undefined

  // The location of FAT sector number i: the header's 109 entries, then the DIFAT chain, read on demand.
  async function fatSectorLocation(i: number): Promise<number> {
    if (i < 109) return h.difat[i]!
    if (!difatChain) {
      difatChain = []
      const perSector = h.sectorSize / 4 - 1
      let s = h.firstDifatSector
      // The header's count is untrusted: a chain longer than the file has sectors, or one that loops, is corrupt.
      const seen = new Set<number>()
      for (let n = 0; n < Math.min(h.difatSectors, sectorCount) && s <= MAX_REGULAR_SECTOR; n++) {
        if (s >= sectorCount) throw new CfbError(`DIFAT sector ${s} is past the end of the file`)
        if (seen.has(s)) throw new CfbError(`DIFAT chain loops at sector ${s}`)
        seen.add(s)
        const b = await source.read(sectorOffset(s), h.sectorSize)
        for (let k = 0; k < perSector; k++) difatChain.push(b.readUInt32LE(k * 4))
        s = b.readUInt32LE(perSector * 4)
      }
    }
    const loc = difatChain[i - 109]
    if (loc === undefined) throw new CfbError(`FAT sector ${i} is not listed in the DIFAT`)
    return loc
  }

  const perFatSector = h.sectorSize / 4
  // The next sector when its FAT sector is already read: chains of big streams take no await per sector.
  const cachedNext = (sector: number) => fatCache.get(Math.floor(sector / perFatSector))?.readUInt32LE((sector % perFatSector) * 4)

  async function next(sector: number): Promise<number> {
    const perSector = perFatSector
    const index = Math.floor(sector / perSector)
    let fat = fatCache.get(index)
    if (!fat) {
      const loc = await fatSectorLocation(index)
      if (loc > MAX_REGULAR_SECTOR || loc >= sectorCount) throw new CfbError(`FAT sector ${index} points outside the file`)
      fat = await source.read(sectorOffset(loc), h.sectorSize)
      if (fat.length < h.sectorSize) throw new CfbError('FAT sector is truncated')
      fatCache.set(index, fat)
    }
    return fat.readUInt32LE((sector % perSector) * 4)
  }

  // A file cut short: its FAT chains sectors past the end of the file, or lies there itself (a corrupt
  // pointer in a whole file does not move the FAT). Chains then stop at the cut instead of failing, so that
  // the directory entries and stream bytes before it still name the format, and the cut is reported as
  // truncation. Asked only when a chain leaves the file; reads only the FAT sectors that cover the missing part.
  async function isCutShort(): Promise<boolean> {
    for (let i = Math.floor(sectorCount / perFatSector); i < Math.min(h.fatSectors, 1024); i++) {
      const loc = await fatSectorLocation(i).catch(() => FREE)
      if (loc > MAX_REGULAR_SECTOR) continue
      if (loc >= sectorCount) return true
      const fat = await source.read(sectorOffset(loc), h.sectorSize)
      // A pointer to a next sector (or a FAT/DIFAT mark) there is in use; some writers pad unused entries
      // with end-of-chain instead of free, so those do not count.
      for (let k = Math.max(0, sectorCount - i * perFatSector); k * 4 + 4 <= fat.length; k++) {
        const v = fat.readUInt32LE(k * 4)
        if (v <= MAX_REGULAR_SECTOR || v === 0xfffffffd || v === 0xfffffffc) return true
      }
    }
    return false
  }

  // Follow a chain, refusing loops and pointers past the end of the file.
  async function chain(start: number, maxSectors = sectorCount): Promise<number[]> {
    const sectors: number[] = []
    const seen = new Set<number>()
    let s = start
    while (s !== END_OF_CHAIN && s !== FREE && sectors.length < maxSectors) {
      if (s <= MAX_REGULAR_SECTOR && s >= sectorCount && (await (cutShort ??= isCutShort()))) {
        truncated ??= `sector ${s} lies past the end of the file`
        break
      }
      if (s > MAX_REGULAR_SECTOR || s >= sectorCount) throw new CfbError(`sector ${s} is past the end of the file`)
      if (seen.has(s)) throw new CfbError(`sector chain loops at sector ${s}`)
      seen.add(s)
      sectors.push(s)
      try {
        s = cachedNext(s) ?? (await next(s))
      } catch (e) {
        if (!(e instanceof CfbError) || !(await (cutShort ??= isCutShort()))) throw e
        truncated ??= e.message
        break
      }
    }
    return sectors
  }

  async function readChain(start: number, bytes: number): Promise<Buffer> {
    const sectors = await chain(start, Math.ceil(bytes / h.sectorSize))
    const parts: Buffer[] = []
    // Contiguous runs are read in one call: most writers lay streams out in order.
    for (let i = 0; i < sectors.length; ) {
      let j = i
      while (j + 1 < sectors.length && sectors[j + 1] === sectors[j]! + 1) j++
      parts.push(await source.read(sectorOffset(sectors[i]!), (j - i + 1) * h.sectorSize))
      i = j + 1
    }
    const all = Buffer.concat(parts)
    return all.subarray(0, Math.min(bytes, all.length))
  }

  const dirSectors = await chain(h.firstDirSector)
  if (dirSectors.length === 0) throw truncated ? new CfbError(`the file is cut short before its directory (${truncated})`, 'truncated') : new CfbError('OLE2 directory is empty')
  const dir = await readChain(h.firstDirSector, dirSectors.length * h.sectorSize)
  const raw = readDirectory(dir, h.majorVersion)
  const entries = buildTree(raw)
  const root = entries.find((e) => e.type === 'root')
  if (!root) throw new CfbError('OLE2 directory has no root entry')

  // Small streams live in 64-byte mini sectors inside the root entry's chain (the mini stream). Only the
  // mini sectors a stream uses are read, and the mini FAT sectors that chain them: the mini stream can
  // hold hundreds of KiB, and a probe reading a 4 KiB property set must not pull all of it.
  let miniFatSectors: number[] | undefined
  let miniStreamSectors: number[] | undefined
  const miniFatCache = new Map<number, Buffer>()
  async function nextMini(entry: CfbEntry, s: number): Promise<number> {
    miniFatSectors ??= await chain(h.firstMiniFatSector, h.miniFatSectors)
    const index = Math.floor(s / perFatSector)
    const loc = miniFatSectors[index]
    if (loc === undefined) throw new CfbError(`mini-stream chain of ${entry.path} is broken`)
    let fat = miniFatCache.get(index)
    if (!fat) {
      fat = await source.read(sectorOffset(loc), h.sectorSize)
      if (fat.length < h.sectorSize) throw new CfbError('mini FAT sector is truncated')
      miniFatCache.set(index, fat)
    }
    return fat.readUInt32LE((s % perFatSector) * 4)
  }
  async function readMini(entry: CfbEntry, bytes: number): Promise<Buffer> {
    miniStreamSectors ??= await chain(root!.start, Math.ceil(root!.size / h.sectorSize))
    const size = h.miniSectorSize
    const minis: number[] = []
    const seen = new Set<number>()
    for (let s = entry.start; s !== END_OF_CHAIN && minis.length * size < bytes; s = await nextMini(entry, s)) {
      if (seen.has(s)) throw new CfbError(`mini-stream chain of ${entry.path} is broken`)
      seen.add(s)
      minis.push(s)
    }
    // File offset of a mini sector; undefined past the end of the mini stream (the stream is cut there).
    const at = (m: number) => {
      const sector = miniStreamSectors![Math.floor((m * size) / h.sectorSize)]
      return sector === undefined ? undefined : sectorOffset(sector) + ((m * size) % h.sectorSize)
    }
    const parts: Buffer[] = []
    for (let i = 0; i < minis.length; ) {
      const start = at(minis[i]!)
      if (start === undefined) break
      let j = i
      while (j + 1 < minis.length && at(minis[j + 1]!) === start + (j + 1 - i) * size) j++
      parts.push(await source.read(start, (j - i + 1) * size))
      i = j + 1
    }
    return Buffer.concat(parts).subarray(0, bytes)
  }

  async function readStream(entry: CfbEntry, maxBytes = Number.MAX_SAFE_INTEGER): Promise<Buffer> {
    const bytes = Math.min(entry.size, maxBytes)
    if (entry.type === 'storage' || bytes === 0) return Buffer.alloc(0)
    if (entry.type === 'stream' && entry.size < h.miniCutoff) return readMini(entry, bytes)
    return readChain(entry.start, bytes)
  }

  return {
    majorVersion: h.majorVersion,
    get truncated() {
      return truncated === undefined ? undefined : `the file is cut short (${truncated})`
    },
    entries,
    root,
    find: (path) => entries.find((e) => e.path.toLowerCase() === path.toLowerCase()),
    readStream,
    async openStream(entry, maxBytes = Number.MAX_SAFE_INTEGER) {
      const size = Math.max(0, Math.min(entry.size, maxBytes))
      if (entry.type !== 'stream' || size < h.miniCutoff) return bufferBytes(await readStream(entry, size))
      const sectors = await chain(entry.start, Math.ceil(size / h.sectorSize))
      const have = Math.min(size, sectors.length * h.sectorSize)
      return {
        size: have,
        async read(offset, length) {
          const end = Math.min(have, offset + length)
          const parts: Buffer[] = []
          // One read per run of contiguous sectors, as in readChain.
          for (let p = Math.max(0, offset); p < end; ) {
            const i = Math.floor(p / h.sectorSize)
            let j = i
            while ((j + 1) * h.sectorSize < end && sectors[j + 1] === sectors[j]! + 1) j++
            const from = p - i * h.sectorSize
            const upto = Math.min(end - i * h.sectorSize, (j - i + 1) * h.sectorSize)
            parts.push(await source.read(sectorOffset(sectors[i]!) + from, upto - from))
            p = i * h.sectorSize + upto
          }
          return parts.length === 1 ? parts[0]! : Buffer.concat(parts)
        },
      }
    },
  }
}

type RawEntry = CfbEntry & {left: number; right: number; child: number}

function readDirectory(dir: Buffer, majorVersion: number): RawEntry[] {
  const out: RawEntry[] = []
  for (let off = 0; off + 128 <= dir.length; off += 128) {
    const type = dir[off + 66]
    const nameLength = dir.readUInt16LE(off + 64)
    const name = dir.toString('utf16le', off, off + Math.max(0, Math.min(64, nameLength) - 2))
    const size = majorVersion === 3 ? dir.readUInt32LE(off + 120) : Number(dir.readBigUInt64LE(off + 120))
    out.push({
      name,
      path: name,
      type: type === 5 ? 'root' : type === 1 ? 'storage' : 'stream',
      clsid: dir.subarray(off + 80, off + 96).toString('hex'),
      size,
      start: dir.readUInt32LE(off + 116),
      left: dir.readUInt32LE(off + 68),
      right: dir.readUInt32LE(off + 72),
      child: dir.readUInt32LE(off + 76),
      ...(type === 0 ? {type: 'stream' as const, size: -1} : {}),
    })
  }
  return out
}

// Storages hold their children in a red-black tree of siblings: walk it to give every entry its path.
function buildTree(raw: RawEntry[]): CfbEntry[] {
  const result: CfbEntry[] = []
  const rootIndex = raw.findIndex((e) => e.type === 'root')
  if (rootIndex < 0) return result
  const visited = new Set<number>([rootIndex])
  const root = raw[rootIndex]!
  result.push(strip({...root, path: ''}))
  const stack: Array<{index: number; prefix: string}> = [{index: root.child, prefix: ''}]
  while (stack.length > 0) {
    const {index, prefix} = stack.pop()!
    if (index === NO_STREAM || index >= raw.length || visited.has(index)) continue
    visited.add(index)
    const e = raw[index]!
    if (e.size < 0) continue // unallocated slot
    const path = prefix ? `${prefix}/${e.name}` : e.name
    result.push(strip({...e, path}))
    stack.push({index: e.left, prefix}, {index: e.right, prefix})
    if (e.type === 'storage') stack.push({index: e.child, prefix: path})
  }
  return result
}

function strip(e: RawEntry): CfbEntry {
  return {name: e.name, path: e.path, type: e.type, clsid: e.clsid, size: e.size, start: e.start}
}
