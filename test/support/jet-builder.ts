// Builds small Jet 4 databases for the Access tests: a header page, MSysObjects' definition on page 2 and
// MSysQueries', their rows and usage maps, and long-value pages for memos too long to sit in a row.
const PAGE = 4096

export type Column = {name: string; type: 'long' | 'int' | 'text' | 'memo'}
export type Value = string | number | {lval: string} | undefined

const FIXED = {long: 4, int: 2} as const
const TYPE = {long: 0x04, int: 0x03, text: 0x0a, memo: 0x0c} as const

function tdef(columns: Column[], usageMap: number): Buffer {
  const page = Buffer.alloc(PAGE)
  page[0] = 0x02
  page[1] = 0x01
  const vars = columns.filter((c) => c.type === 'text' || c.type === 'memo')
  page[40] = 0x53
  page.writeUInt16LE(columns.length, 41)
  page.writeUInt16LE(vars.length, 43)
  page.writeUInt16LE(columns.length, 45)
  page.writeUInt32LE(usageMap, 55)
  let p = 63
  let fixedOffset = 0
  columns.forEach((c, i) => {
    page[p] = TYPE[c.type]
    page.writeUInt16LE(i, p + 5)
    page.writeUInt16LE(Math.max(0, vars.indexOf(c)), p + 7)
    page.writeUInt16LE(i, p + 9)
    const fixed = c.type === 'long' || c.type === 'int'
    page[p + 15] = fixed ? 0x01 : 0x02
    page.writeUInt16LE(fixed ? fixedOffset : 0, p + 21)
    page.writeUInt16LE(fixed ? FIXED[c.type as 'long' | 'int'] : c.type === 'text' ? 510 : 0, p + 23)
    if (fixed) fixedOffset += FIXED[c.type as 'long' | 'int']
    p += 25
  })
  for (const c of columns) {
    const name = Buffer.from(c.name, 'utf16le')
    page.writeUInt16LE(name.length, p)
    name.copy(page, p + 2)
    p += 2 + name.length
  }
  return page
}

/** A data page holding the rows given, last row nearest the end of the page. */
export function dataPage(owner: number | 'LVAL', rows: Buffer[]): Buffer {
  const page = Buffer.alloc(PAGE)
  page[0] = 0x01
  page[1] = 0x01
  if (owner === 'LVAL') page.write('LVAL', 4, 'latin1')
  else page.writeUInt32LE(owner, 4)
  page.writeUInt16LE(rows.length, 12)
  let end = PAGE
  rows.forEach((r, i) => {
    end -= r.length
    r.copy(page, end)
    page.writeUInt16LE(end, 14 + i * 2)
  })
  return page
}

// Jet 4 text is UCS-2, or "compressed" (FF FE, then one byte per character) when that is shorter.
const text = (s: string, compressed: boolean) => (compressed ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'latin1')]) : Buffer.from(s, 'utf16le'))

/** A row of the table: values by column; memos inline, or {lval} for one kept on the long-value page. */
export function row(columns: Column[], values: Record<string, Value>, lval: {page: number; rows: Buffer[]}): Buffer {
  const mask = Buffer.alloc((columns.length + 7) >> 3)
  const fixed: Buffer[] = []
  const vars: Buffer[] = []
  columns.forEach((c, i) => {
    const v = values[c.name]
    if (v !== undefined) mask[i >> 3]! |= 1 << (i & 7)
    if (c.type === 'long' || c.type === 'int') {
      const b = Buffer.alloc(FIXED[c.type])
      if (typeof v === 'number') b.writeIntLE(v, 0, FIXED[c.type])
      fixed.push(b)
    } else if (v === undefined) vars.push(Buffer.alloc(0))
    else if (c.type === 'text') vars.push(text(String(v), true))
    else {
      const header = Buffer.alloc(12)
      if (typeof v === 'object') {
        const bytes = text(v.lval, false)
        header.writeUInt32LE((bytes.length | (0x40 << 24)) >>> 0, 0)
        header.writeUInt32LE((lval.page << 8) | lval.rows.length, 4)
        lval.rows.push(bytes)
        vars.push(header)
      } else {
        const bytes = text(String(v), true)
        header.writeUInt32LE((bytes.length | (0x80 << 24)) >>> 0, 0)
        vars.push(Buffer.concat([header, bytes]))
      }
    }
  })
  const numCols = Buffer.alloc(2)
  numCols.writeUInt16LE(columns.length)
  const starts: number[] = []
  let at = 2 + fixed.reduce((n, b) => n + b.length, 0)
  for (const v of vars) {
    starts.push(at)
    at += v.length
  }
  const tail = Buffer.alloc(2 + starts.length * 2 + 2)
  tail.writeUInt16LE(at, 0) // eod
  starts.forEach((s, i) => tail.writeUInt16LE(s, 2 + (starts.length - 1 - i) * 2))
  tail.writeUInt16LE(starts.length, tail.length - 2)
  return Buffer.concat([numCols, ...fixed, ...vars, tail, mask])
}

const usage = (first: number, pages: number[]) => {
  const map = Buffer.alloc(5 + 8)
  map.writeUInt32LE(first, 1)
  for (const p of pages) map[5 + ((p - first) >> 3)]! |= 1 << ((p - first) & 7)
  return map
}

export const OBJECTS: Column[] = [
  {name: 'Id', type: 'long'},
  {name: 'Type', type: 'int'},
  {name: 'Name', type: 'text'},
  {name: 'Connect', type: 'memo'},
  {name: 'Database', type: 'memo'},
]
export const QUERIES: Column[] = [
  {name: 'ObjectId', type: 'long'},
  {name: 'Attribute', type: 'int'},
  {name: 'Flag', type: 'int'},
  {name: 'Name1', type: 'text'},
  {name: 'Name2', type: 'text'},
]

/** A database with these MSysObjects and MSysQueries rows (page 1: usage maps, 2: objects' TDEF, 3: its rows, 4: long values, 5-6: queries). */
export function jetDatabase(objects: Record<string, Value>[], queries: Record<string, Value>[]): Buffer {
  const header = Buffer.alloc(PAGE)
  header.write('\u0000\u0001\u0000\u0000Standard Jet DB\u0000', 0, 'latin1')
  header[0x14] = 1
  const lval = {page: 4, rows: [] as Buffer[]}
  // Page 1 holds the two usage maps (rows 0 and 1): each table owns one data page.
  const maps = dataPage(0, [usage(3, [3]), usage(6, [6])])
  const objectRows = [...objects, {Id: 5, Type: 1, Name: 'MSysQueries'}].map((o) => row(OBJECTS, o, lval))
  const queryRows = queries.map((q) => row(QUERIES, q, lval))
  return Buffer.concat([header, maps, tdef(OBJECTS, 1 << 8), dataPage(2, objectRows), dataPage('LVAL', lval.rows), tdef(QUERIES, (1 << 8) | 1), dataPage(5, queryRows)])
}
