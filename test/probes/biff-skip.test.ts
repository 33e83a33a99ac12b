// The BIFF walk jumps over the drawing group and the cell tables, and still sees every record that makes a
// feature: the ones before a cell table (PROTECT, PASSWORD), after it (query tables) and after the pictures
// (SUPBOOK). When a jump's landing record is not what the layout says, it reads through instead.
import {describe, expect, it} from 'vitest'
import {biffBof, biffRecord, compoundFile} from '../../fixtures/builders/ole2.js'
import {probeReads} from '../support/inspect.js'

const u16 = (...v: number[]) => Buffer.from(new Uint16Array(v).buffer)
const u32 = (...v: number[]) => Buffer.from(new Uint32Array(v).buffer)

// A drawing group (OfficeArtDggContainer of `size` bytes) cut into records of at most `chunk` bytes.
function drawingGroup(size: number, chunk = 8224): Buffer {
  const art = Buffer.alloc(size, 0x55)
  art.writeUInt16LE(0x000f, 0)
  art.writeUInt16LE(0xf000, 2)
  art.writeUInt32LE(size - 8, 4)
  const parts: Buffer[] = []
  for (let p = 0; p < size; p += chunk) parts.push(biffRecord(p === 0 ? 0x00eb : 0x003c, art.subarray(p, p + chunk)))
  return Buffer.concat(parts)
}

// A worksheet: INDEX naming its DBCELLs, PROTECT + PASSWORD, `rows` row blocks of NUMBER cells, then a query table.
function worksheet(at: number, rows: number, options: {badIndex?: boolean} = {}): Buffer {
  const head = [biffBof(0x0010)]
  const protection = Buffer.concat([biffRecord(0x0012, u16(1)), biffRecord(0x0013, u16(0xcafe)), biffRecord(0x0200, Buffer.alloc(14))])
  const blocks: Buffer[] = []
  const dbcells: number[] = []
  const indexLength = 4 + 16 + 4 * rows
  let offset = at + head[0]!.length + indexLength + protection.length
  for (let r = 0; r < rows; r++) {
    const cells = [biffRecord(0x0208, Buffer.alloc(16))]
    for (let c = 0; c < 100; c++) cells.push(biffRecord(0x0203, Buffer.alloc(14, c)))
    const block = Buffer.concat(cells)
    dbcells.push(offset + block.length + (options.badIndex ? 2 : 0))
    blocks.push(block, biffRecord(0x00d7, Buffer.alloc(6)))
    offset += block.length + 10
  }
  const index = biffRecord(0x020b, Buffer.concat([u32(0, 0, rows, 0), u32(...dbcells)]))
  return Buffer.concat([...head, index, protection, ...blocks, biffRecord(0x01ad, Buffer.alloc(20)), biffRecord(0x000a)])
}

function workbook(options: {chunk?: number; badIndex?: boolean} = {}): Buffer {
  const supbook = biffRecord(0x01ae, Buffer.concat([u16(1, 12), Buffer.from([0]), Buffer.from('\u0001\\\\srv\\q.xls', 'latin1')]))
  const globals = Buffer.concat([biffBof(0x0005), drawingGroup(120_000, options.chunk), supbook, biffRecord(0x000a)])
  return Buffer.concat([globals, worksheet(globals.length, 40, options)])
}

async function run(stream: Buffer) {
  return {...(await probeReads(compoundFile({Workbook: stream}), 'book.xls')), size: stream.length}
}

const FEATURES = ['data-connections', 'external-links', 'password-protected-sheet', 'protected-sheet']

describe('BIFF walk', () => {
  it('jumps over the pictures and the cell table and still sees what lies before, between and after', async () => {
    const r = await run(workbook())
    expect(r.ids).toEqual(FEATURES)
    expect(r.size).toBeGreaterThan(190_000)
    expect(r.read).toBeLessThan(0.25 * r.size)
  })
  it('reads through a drawing group laid out in shorter chunks, and a cell table whose index is wrong', async () => {
    for (const options of [{chunk: 4000}, {badIndex: true}]) {
      const r = await run(workbook(options))
      expect(r.ids).toEqual(FEATURES)
      expect(r.read).toBeGreaterThan(0.4 * r.size)
    }
  })
})

describe('BIFF PivotTables', () => {
  it('reports a PivotTable view on a worksheet (SxView), not a bare pivot cache', async () => {
    const sheet = (records: Buffer[]) => Buffer.concat([biffBof(0x0005), biffRecord(0x000a), biffBof(0x0010), ...records, biffRecord(0x000a)])
    expect((await run(sheet([biffRecord(0x00b0, Buffer.alloc(44))]))).ids).toEqual(['pivot-tables'])
    expect((await run(sheet([biffRecord(0x0208, Buffer.alloc(16))]))).ids).toEqual([])
  })
})

describe('BIFF SUPBOOK records', () => {
  it('does not call a same-sheet or unused SUPBOOK an external link', async () => {
    const supbook = (virtPath: number) => biffRecord(0x01ae, Buffer.concat([u16(1, 1), Buffer.from([0, virtPath])]))
    const book = (records: Buffer[]) => Buffer.concat([biffBof(0x0005), ...records, biffRecord(0x000a)])
    expect((await run(book([supbook(0x20), supbook(0x00)]))).ids).toEqual([])
    const other = biffRecord(0x01ae, Buffer.concat([u16(1, 9), Buffer.from([0]), Buffer.from('\u0001src.xls\u0003', 'latin1').subarray(0, 9)]))
    expect((await run(book([other]))).ids).toEqual(['external-links'])
  })
})
