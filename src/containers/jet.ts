// A reader for the system tables of Access databases (Jet 3, Jet 4 and ACE), layout as documented by the
// mdbtools project (HACKING.md). It reads a table's definition page, the usage map that lists the pages the
// table owns, those pages and the long-value pages its memo fields point to: nothing else of the file, so
// a 2 GB database with linked tables costs a few dozen pages. Only what the probes need is decoded: text,
// integers and memos; other columns stay undecoded.
import type {Source} from './source.js'

/** Raised when a page or row is not what the structure says it is. */
export class JetError extends Error {
  readonly code = 'corrupt-container'
}

export type JetColumn = {name: string; type: number; number: number; varIndex: number; fixedOffset: number; length: number; fixed: boolean}
export type JetTable = {columns: JetColumn[]; pages: number[]}
export type JetValue = string | number | undefined
export type JetRow = Map<string, JetValue>

const TEXT = 0x0a
const MEMO = 0x0c
const INTEGER_SIZES = new Map([[0x02, 1], [0x03, 2], [0x04, 4]])
// Bounds: a definition spans a handful of pages, a system table a few hundred, a connect string a few KiB.
const MAX_TDEF_PAGES = 32
const MAX_TABLE_PAGES = 4096
const MAX_MEMO = 64 * 1024

/** Offsets that differ between Jet 3 (Access 97, 2 KiB pages) and Jet 4+ (4 KiB pages, UCS-2 text). */
type Layout = {
  pageSize: number
  jet3: boolean
  rowCount: number // data page: number of rows
  numVarCols: number // TDEF
  numCols: number
  numRealIdx: number
  usedPages: number
  firstIndex: number
  indexSize: number
  columnSize: number
}

const JET3: Layout = {pageSize: 2048, jet3: true, rowCount: 8, numVarCols: 23, numCols: 25, numRealIdx: 31, usedPages: 35, firstIndex: 43, indexSize: 8, columnSize: 18}
const JET4: Layout = {pageSize: 4096, jet3: false, rowCount: 12, numVarCols: 43, numCols: 45, numRealIdx: 51, usedPages: 55, firstIndex: 63, indexSize: 12, columnSize: 25}

/** An open database: pages on demand, table definitions and rows. */
export class JetDatabase {
  readonly layout: Layout
  private readonly pages = new Map<number, Buffer>()
  readonly pageCount: number

  constructor(private readonly source: Source) {
    this.layout = source.head[0x14] === 0 ? JET3 : JET4
    this.pageCount = Math.floor(source.size / this.layout.pageSize)
  }

  async page(n: number): Promise<Buffer> {
    const cached = this.pages.get(n)
    if (cached) return cached
    if (!Number.isInteger(n) || n <= 0 || n >= this.pageCount) throw new JetError(`page ${n} is outside the database (${this.pageCount} pages)`)
    const bytes = await this.source.read(n * this.layout.pageSize, this.layout.pageSize)
    if (bytes.length < this.layout.pageSize) throw new JetError(`page ${n} is truncated`)
    this.pages.set(n, bytes)
    return bytes
  }

  /** The bytes of row `row` of data page `n` (following one overflow pointer), or undefined when deleted. */
  async row(n: number, row: number, hops = 0): Promise<Buffer | undefined> {
    const page = await this.page(n)
    if (page[0] !== 0x01) throw new JetError(`page ${n} is not a data page`)
    const count = page.readUInt16LE(this.layout.rowCount)
    if (row >= count) throw new JetError(`row ${row} is past the ${count} rows of page ${n}`)
    const at = this.layout.rowCount + 2 + row * 2
    const entry = page.readUInt16LE(at)
    const start = entry & 0x1fff
    const end = row === 0 ? this.layout.pageSize : page.readUInt16LE(at - 2) & 0x1fff
    // The target of an overflow pointer is flagged as deleted so that a scan does not see it twice.
    if (entry & 0x8000 && hops === 0) return undefined
    if (start >= end || end > this.layout.pageSize) throw new JetError(`row ${row} of page ${n} has bad bounds`)
    const bytes = page.subarray(start, end)
    if (!(entry & 0x4000) || hops > 0) return bytes
    // An overflow row holds a pointer (page << 8 | row) to where the row now lives.
    if (hops > 0 || bytes.length < 4) throw new JetError(`overflow row ${row} of page ${n} is broken`)
    const pointer = bytes.readUInt32LE(0)
    return this.row(pointer >>> 8, pointer & 0xff, hops + 1)
  }

  /** The table whose definition starts at page `tdef`: its columns and the data pages it owns. */
  async table(tdef: number): Promise<JetTable> {
    const L = this.layout
    const parts: Buffer[] = []
    const seen = new Set<number>()
    for (let n = tdef; n !== 0 && parts.length < MAX_TDEF_PAGES; ) {
      if (seen.has(n)) throw new JetError(`table definition pages loop at page ${n}`)
      seen.add(n)
      const page = await this.page(n)
      if (page[0] !== 0x02) throw new JetError(`page ${n} is not a table definition`)
      parts.push(parts.length === 0 ? page : page.subarray(8))
      n = page.readUInt32LE(4)
    }
    const def = Buffer.concat(parts)
    const numCols = def.readUInt16LE(L.numCols)
    let p = L.firstIndex + def.readUInt32LE(L.numRealIdx) * L.indexSize
    const columns: JetColumn[] = []
    for (let i = 0; i < numCols; i++, p += L.columnSize) {
      if (p + L.columnSize > def.length) throw new JetError(`table definition at page ${tdef} is truncated`)
      const c = L.jet3 ? {num: p + 1, varIndex: p + 3, flags: p + 13, fixedOffset: p + 14, length: p + 16} : {num: p + 5, varIndex: p + 7, flags: p + 15, fixedOffset: p + 21, length: p + 23}
      columns.push({name: '', type: def[p]!, number: def.readUInt16LE(c.num), varIndex: def.readUInt16LE(c.varIndex), fixed: (def[c.flags]! & 0x01) !== 0, fixedOffset: def.readUInt16LE(c.fixedOffset), length: def.readUInt16LE(c.length)})
    }
    for (const column of columns) {
      const len = L.jet3 ? def[p]! : def.readUInt16LE(p)
      p += L.jet3 ? 1 : 2
      if (p + len > def.length) throw new JetError(`column names of the table at page ${tdef} are truncated`)
      column.name = L.jet3 ? def.toString('latin1', p, p + len) : def.toString('utf16le', p, p + len)
      p += len
    }
    return {columns, pages: await this.usageMap(def.readUInt32LE(L.usedPages))}
  }

  // A usage map is a row: type 0 holds a start page and a bitmap, type 1 a list of bitmap pages (type 0x05).
  private async usageMap(pointer: number): Promise<number[]> {
    const map = await this.row(pointer >>> 8, pointer & 0xff)
    if (!map || map.length < 5) throw new JetError('the table usage map is missing')
    const pages: number[] = []
    const collect = (bitmap: Buffer, first: number) => {
      for (let i = 0; i < bitmap.length && pages.length < MAX_TABLE_PAGES; i++) {
        if (bitmap[i] === 0) continue
        for (let bit = 0; bit < 8; bit++) if (bitmap[i]! & (1 << bit) && first + i * 8 + bit < this.pageCount) pages.push(first + i * 8 + bit)
      }
    }
    if (map[0] === 0) collect(map.subarray(5), map.readUInt32LE(1))
    else if (map[0] === 1) {
      const perPage = (this.layout.pageSize - 4) * 8
      for (let i = 0; 1 + i * 4 + 4 <= map.length; i++) {
        const n = map.readUInt32LE(1 + i * 4)
        if (n === 0) continue
        const page = await this.page(n)
        if (page[0] !== 0x05) throw new JetError(`usage map page ${n} is not a bitmap page`)
        collect(page.subarray(4), i * perPage)
      }
    } else throw new JetError(`usage map type ${map[0]} is unknown`)
    return pages
  }

  /** The rows of a table, with the named columns decoded (text, integers, memos). */
  async *rows(table: JetTable, wanted: string[]): AsyncGenerator<JetRow> {
    const columns = table.columns.filter((c) => wanted.includes(c.name))
    for (const n of table.pages) {
      const page = await this.page(n)
      if (page[0] !== 0x01) continue // the map also lists pages freed since
      const count = page.readUInt16LE(this.layout.rowCount)
      for (let r = 0; r < count; r++) {
        const bytes = await this.row(n, r)
        if (!bytes) continue
        const row: JetRow = new Map()
        const cells = this.crack(bytes, table)
        for (const c of columns) row.set(c.name, await this.value(c, cells.get(c.number)))
        yield row
      }
    }
  }

  // Split a row into its columns' raw bytes, by column number; null columns are absent.
  private crack(row: Buffer, table: JetTable): Map<number, Buffer> {
    const L = this.layout
    const numCols = L.jet3 ? row[0]! : row.readUInt16LE(0)
    const maskSize = (numCols + 7) >> 3
    if (maskSize + (L.jet3 ? 1 : 2) > row.length) throw new JetError('row is shorter than its null mask')
    const mask = row.subarray(row.length - maskSize)
    const present = (n: number) => n < numCols && (mask[n >> 3]! & (1 << (n & 7))) !== 0
    const out = new Map<number, Buffer>()
    const fixedStart = L.jet3 ? 1 : 2
    const offsets = table.columns.some((c) => !c.fixed) ? this.varOffsets(row, maskSize) : []
    for (const c of table.columns) {
      if (!present(c.number)) continue
      if (c.fixed) {
        const size = INTEGER_SIZES.get(c.type) ?? c.length
        out.set(c.number, row.subarray(fixedStart + c.fixedOffset, fixedStart + c.fixedOffset + size))
      } else if (c.varIndex + 1 < offsets.length) {
        const [start, end] = [offsets[c.varIndex]!, offsets[c.varIndex + 1]!]
        if (start <= end && end <= row.length) out.set(c.number, row.subarray(start, end))
      }
    }
    return out
  }

  // The start of each variable column, then the end of the last (eod), as row offsets.
  private varOffsets(row: Buffer, maskSize: number): number[] {
    const end = row.length - maskSize
    if (!this.layout.jet3) {
      const count = row.readUInt16LE(end - 2)
      const table = end - 2 - count * 2
      if (table - 2 < 0) throw new JetError('row variable-column table is truncated')
      const out: number[] = []
      for (let i = 0; i < count; i++) out.push(row.readUInt16LE(end - 4 - i * 2))
      out.push(row.readUInt16LE(table - 2))
      return out
    }
    // Jet 3 offsets are one byte; a jump table (one entry per 256 bytes of row) says which columns start
    // past each 256-byte boundary. The end of data (eod) is the last entry of the offset table.
    const count = row[end - 1]!
    let jumps = Math.floor((row.length - 1) / 256)
    const table = end - 1 - jumps
    // The last jump entry is a dummy when the offset table itself does not reach that far.
    if (Math.floor((table - 1 - count) / 256) < jumps) jumps--
    if (table - 1 - count < 0) throw new JetError('row variable-column table is truncated')
    const out: number[] = []
    let used = 0
    for (let i = 0; i <= count; i++) {
      while (used < jumps && i === row[end - 2 - used]) used++
      out.push(row[table - 1 - i]! + used * 256)
    }
    return out
  }

  private async value(column: JetColumn, bytes: Buffer | undefined): Promise<JetValue> {
    if (!bytes) return undefined
    const size = INTEGER_SIZES.get(column.type)
    if (size) return bytes.length >= size ? bytes.readIntLE(0, size) : undefined
    if (column.type === TEXT) return this.text(bytes)
    if (column.type === MEMO) return this.text(await this.memo(bytes))
    return undefined
  }

  // A memo holds its bytes inline (flag 0x80), in one long-value row (0x40) or in a chain of them (0x00),
  // each chained row starting with the pointer to the next.
  private async memo(header: Buffer): Promise<Buffer> {
    if (header.length < 12) return Buffer.alloc(0)
    const length = Math.min(header.readUInt32LE(0) & 0x3fffffff, MAX_MEMO)
    const flags = header[3]!
    if (flags & 0x80) return header.subarray(12, 12 + length)
    let pointer = header.readUInt32LE(4)
    if (flags & 0x40) return (await this.row(pointer >>> 8, pointer & 0xff))?.subarray(0, length) ?? Buffer.alloc(0)
    const parts: Buffer[] = []
    let got = 0
    const seen = new Set<number>()
    while (pointer !== 0 && got < length) {
      if (seen.has(pointer)) throw new JetError('memo chain loops')
      seen.add(pointer)
      const row = await this.row(pointer >>> 8, pointer & 0xff)
      if (!row || row.length < 4) break
      parts.push(row.subarray(4))
      got += row.length - 4
      pointer = row.readUInt32LE(0)
    }
    return Buffer.concat(parts).subarray(0, length)
  }

  // Jet 3 text is the database code page (read as Latin-1); Jet 4 text is UCS-2, or "compressed" when it
  // starts with FF FE: one byte per character, a zero byte switching to and from two-byte characters.
  text(bytes: Buffer): string {
    if (this.layout.jet3) return bytes.toString('latin1')
    if (bytes.length < 2 || bytes[0] !== 0xff || bytes[1] !== 0xfe) return bytes.toString('utf16le', 0, bytes.length & ~1)
    let out = ''
    let wide = false
    for (let i = 2; i < bytes.length; ) {
      if (bytes[i] === 0) {
        wide = !wide
        i++
      } else if (wide) {
        if (i + 1 >= bytes.length) break
        out += String.fromCharCode(bytes.readUInt16LE(i))
        i += 2
      } else out += String.fromCharCode(bytes[i++]!)
    }
    return out
  }
}
