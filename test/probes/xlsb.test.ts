import {strToU8, zipSync} from 'fflate'
import {describe, expect, it} from 'vitest'
import {xlsbRecords} from '../../src/probes/xlsb.js'
import {probeBytes} from '../support/inspect.js'

const XLSB = 'application/vnd.ms-excel.sheet.binary.macroEnabled.main'

// An XLSB record: type and size as 7-bit varints, then the data.
function record(type: number, data: Buffer): Buffer {
  const varint = (n: number, max: number) => {
    const out: number[] = []
    do {
      out.push((n & 0x7f) | (n > 0x7f && out.length < max - 1 ? 0x80 : 0))
      n >>>= 7
    } while (n > 0 && out.length < max)
    return out
  }
  return Buffer.concat([Buffer.from([...varint(type, 2), ...varint(data.length, 4)]), data])
}
const sheetProtection = (locked: number, protpwd = 0) => {
  const d = Buffer.alloc(66)
  d.writeUInt16LE(protpwd, 0)
  d.writeUInt32LE(locked, 2)
  return record(535, d)
}
const bookProtection = (flags: number) => record(534, Buffer.from([0, 0, 0, 0, flags, 0]))

// dir: the workbook's folder, xl by convention, but the officeDocument relationship may name any.
function xlsb(workbook: Buffer[], sheet: Buffer[], dir = 'xl'): Buffer {
  const types = `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="bin" ContentType="application/vnd.ms-excel.worksheet"/><Override PartName="/${dir}/workbook.bin" ContentType="${XLSB}"/></Types>`
  const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${dir}/workbook.bin"/></Relationships>`
  const cells = record(0x91, Buffer.alloc(0)) // BrtBeginSheetData before the protection, as Excel writes it
  return Buffer.from(zipSync({'[Content_Types].xml': strToU8(types), '_rels/.rels': strToU8(rels), [`${dir}/workbook.bin`]: Buffer.concat(workbook), [`${dir}/worksheets/sheet1.bin`]: Buffer.concat([cells, ...sheet])}))
}

// The same workbook as XML parts.
function xlsx(dir: string): Buffer {
  const types = `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${dir}/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`
  const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${dir}/workbook.xml"/></Relationships>`
  const book = '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><workbookProtection lockStructure="1"/></workbook>'
  const sheet = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/><sheetProtection sheet="1" password="83AF"/></worksheet>'
  return Buffer.from(zipSync({'[Content_Types].xml': strToU8(types), '_rels/.rels': strToU8(rels), [`${dir}/workbook.xml`]: strToU8(book), [`${dir}/worksheets/sheet1.xml`]: strToU8(sheet)}))
}

describe('XLSB protection records', () => {
  it('reads records whose type and size need two bytes', () => {
    const recs = [...xlsbRecords(Buffer.concat([record(678, Buffer.alloc(200, 1)), record(1, Buffer.alloc(0))]))]
    expect(recs.map((r) => [r.type, r.data.length])).toEqual([[678, 200], [1, 0]])
  })

  it('reports a locked sheet, with or without a password, and workbook structure protection', async () => {
    expect((await probeBytes(xlsb([bookProtection(1)], [sheetProtection(1)]), 'a.xlsb')).ids).toEqual(['protected-sheet', 'workbook-protection'])
    expect((await probeBytes(xlsb([], [sheetProtection(1, 0xcc3d)]), 'b.xlsb')).evidence['password-protected-sheet']).toBe('BrtSheetProtection in xl/worksheets/sheet1.bin, enforced, with a password verifier')
    const iso = record(678, Buffer.alloc(80))
    expect((await probeBytes(xlsb([], [iso, sheetProtection(1)]), 'c.xlsb')).ids).toEqual(['password-protected-sheet'])
  })

  it('ignores the unlocked protection options Excel writes in every sheet, and unset workbook flags', async () => {
    expect((await probeBytes(xlsb([bookProtection(0)], [sheetProtection(0)]), 'd.xlsb')).ids).toEqual([])
  })

  it('finds the sheets beside the workbook part the package names, in whatever folder (xlsb and xlsx)', async () => {
    const bin = await probeBytes(xlsb([bookProtection(1)], [sheetProtection(1, 0x83af)], 'wtf'), 'e.xlsb')
    expect(bin.ids).toEqual(['password-protected-sheet', 'workbook-protection'])
    expect(bin.evidence['password-protected-sheet']).toBe('BrtSheetProtection in wtf/worksheets/sheet1.bin, enforced, with a password verifier')
    for (const dir of ['xl', 'wtf']) {
      const xml = await probeBytes(xlsx(dir), 'f.xlsx')
      expect(xml.ids, dir).toEqual(['password-protected-sheet', 'workbook-protection'])
      expect(xml.evidence['password-protected-sheet']).toContain(`${dir}/worksheets/sheet1.xml`)
    }
  })

  it('stops at a record that runs past the end of the part', () => {
    expect([...xlsbRecords(Buffer.from([0x87, 0x04, 0x40, 0x00]))]).toEqual([])
  })
})
