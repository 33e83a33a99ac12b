// Excel binary workbooks ([MS-XLSB]): the parts are sequences of records whose type and size are 7-bit
// varints. Protection lives in records, not attributes: BrtBookProtection (534) in xl/workbook.bin,
// BrtSheetProtection (535) in each sheet, each preceded by an "Iso" record (677 / 678) when the
// password is kept as a salted hash. External links use BrtBeginSupBook (360).
import {addFeature} from './probe.js'
import {sheetParts, type PartReader} from './package.js'

const MAX_SHEET = 8 * 1024 * 1024
const MAX_SHEETS = 200
const BOOK_PROTECTION = 534
const SHEET_PROTECTION = 535
const BOOK_PROTECTION_ISO = 677
const SHEET_PROTECTION_ISO = 678

/** The records of an XLSB part, in order (stops at a record that runs past the end). */
export function* xlsbRecords(b: Buffer): Generator<{type: number; data: Buffer}> {
  for (let p = 0; p < b.length; ) {
    let type = b[p++]!
    if (type & 0x80) type = (type & 0x7f) | (((b[p++] ?? 0) & 0x7f) << 7)
    let size = 0
    for (let i = 0; i < 4; i++) {
      const v = b[p++] ?? 0
      size += (v & 0x7f) * 2 ** (7 * i)
      if (!(v & 0x80)) break
    }
    if (p + size > b.length) return
    yield {type, data: b.subarray(p, p + size)}
    p += size
  }
}

/** Workbook and sheet protection of an XLSB package. */
export async function xlsbProtection(r: PartReader, part = 'xl/workbook.bin'): Promise<void> {
  const f = r.features
  const book = await r.bytes(part, MAX_SHEET)
  for (const rec of book ? xlsbRecords(book) : []) {
    if (rec.type !== BOOK_PROTECTION || rec.data.length < 6) continue
    const flags = rec.data.readUInt16LE(4) // fLockStructure (bit 0), fLockWindow (bit 1)
    if (flags & 3) addFeature(f, 'workbook-protection', `BrtBookProtection${flags & 1 ? ' lockStructure' : ''}${flags & 2 ? ' lockWindows' : ''} in ${part}`)
  }
  for (const sheet of sheetParts(r, part, 'worksheets|dialogsheets|macrosheets', 'bin').slice(0, MAX_SHEETS)) {
    const bytes = await r.bytes(sheet, MAX_SHEET)
    let iso = false
    for (const rec of bytes ? xlsbRecords(bytes) : []) {
      if (rec.type === SHEET_PROTECTION_ISO) iso = true
      if (rec.type !== SHEET_PROTECTION || rec.data.length < 6) continue
      // protpwd (the legacy password verifier), then fLocked. Excel writes this record in most sheets
      // with fLocked = 0 (the options for when protection is switched on): only a locked sheet counts.
      if (rec.data.readUInt32LE(2) !== 1) break
      const password = iso || rec.data.readUInt16LE(0) !== 0
      addFeature(f, password ? 'password-protected-sheet' : 'protected-sheet', `BrtSheetProtection in ${sheet}, enforced${password ? ', with a password verifier' : ''}`)
      break
    }
  }
}
