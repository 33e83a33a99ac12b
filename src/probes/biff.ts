// A BIFF record walker ([MS-XLS] 2.4) over an Excel workbook stream: BIFF2-BIFF8 share the
// record framing (type u16, length u16). It reports the features Excel keeps in records: macro
// sheets, external references, protection, query tables, PivotTables and encryption (FILEPASS).
import type {StreamBytes} from '../containers/cfb.js'
import type {Feature} from '../model.js'
import {checkRc4, rc4, xorVerifier, type Rc4Keys} from './office-crypto.js'

/** What the walk found, plus the FILEPASS record when the stream is encrypted. */
export type BiffResult = {features: Feature[]; version?: number; filepass?: Buffer; defaultPassword?: boolean; encryption?: string}

const BOF_TYPES = new Set([0x0009, 0x0209, 0x0409, 0x0809])
// Records [MS-XLS] 2.2.10 leaves in clear text in an RC4-encrypted stream.
const CLEAR = new Set([0x0809, 0x002f, 0x0194, 0x0195, 0x00e1, 0x0196, 0x0138])
const QUERY = new Map([[0x0876, 'DConn'], [0x01ad, 'Qsi'], [0x00dc, 'ParamQry'], [0x0803, 'DBQueryExt'], [0x0805, 'TxtQry']])

/** Undo BIFF8 RC4 encryption in place, record data only, with the block keys the password gave. */
export function decryptBiff(stream: Buffer, keys: Rc4Keys): Buffer {
  const out = Buffer.from(stream)
  const blocks = new Map<number, Buffer>()
  const keystream = (offset: number) => {
    const b = Math.floor(offset / 1024)
    let ks = blocks.get(b)
    if (!ks) blocks.set(b, (ks = rc4(keys.blockKey(b), Buffer.alloc(1024))))
    return ks[offset % 1024]!
  }
  let encrypted = false
  for (let p = 0; p + 4 <= out.length; ) {
    const type = out.readUInt16LE(p)
    const len = out.readUInt16LE(p + 2)
    if (encrypted && !CLEAR.has(type)) for (let i = type === 0x0085 ? 4 : 0; i < len && p + 4 + i < out.length; i++) out[p + 4 + i] = out[p + 4 + i]! ^ keystream(p + 4 + i)
    if (type === 0x002f) {
      encrypted = true
      blocks.clear()
    }
    p += 4 + len
  }
  return out
}

// Records are read through a 4 KiB window; the walk jumps over what holds no feature and can be long:
// the drawing group (pictures) and the worksheets' cell tables. Every jump lands on a record it checks
// (the last CONTINUE of the drawing group, the last DBCELL of the cell table); when the check fails the
// walk reads through instead, so a writer that lays records out differently costs bytes, not features.
const WINDOW = 4 * 1024 // a page: a bigger window reads pages a jump then skips
const CONTINUE = 0x003c
const MSODRAWINGGROUP = 0x00eb
const CHUNK = 8224 // the most data a BIFF8 record holds
const ROW = 0x0208
const DBCELL = 0x00d7
const SXVIEW = 0x00b0

class Records {
  private buf: Buffer = Buffer.alloc(0)
  private start = 0
  constructor(private readonly stream: StreamBytes) {}
  get size() {
    return this.stream.size
  }
  /** The bytes when the window holds them (most records: no await per record), else undefined. */
  near(offset: number, length: number): Buffer | undefined {
    if (offset < this.start || offset + length > this.start + this.buf.length) return undefined
    return this.buf.subarray(offset - this.start, offset - this.start + length)
  }
  async at(offset: number, length: number): Promise<Buffer> {
    const near = this.near(offset, length)
    if (near) return near
    this.buf = await this.stream.read(offset, Math.max(length, WINDOW))
    this.start = offset
    return this.buf.subarray(0, length)
  }
  /** A look at a few bytes elsewhere (the record a jump would land on) that keeps the window where it is. */
  async peek(offset: number, length: number): Promise<Buffer> {
    if (offset >= this.start && offset + length <= this.start + this.buf.length) return this.buf.subarray(offset - this.start, offset - this.start + length)
    return this.stream.read(offset, length)
  }
}

// Where the drawing group that starts at `p` (header included) ends, when its continuations are laid out
// as Excel writes them: full 8,224-byte chunks, the last one shorter. Undefined when that is not so.
async function endOfDrawingGroup(records: Records, p: number, len: number, data: Buffer): Promise<number | undefined> {
  if (data.length < 8 || data.readUInt16LE(2) !== 0xf000) return undefined
  const rest = 8 + data.readUInt32LE(4) - len
  if (rest <= CHUNK) return undefined // nothing worth skipping
  const last = p + 4 + len + Math.floor((rest - 1) / CHUNK) * (CHUNK + 4)
  const lastLen = rest - Math.floor((rest - 1) / CHUNK) * CHUNK
  if (last + 4 + lastLen > records.size) return undefined
  const h = await records.peek(last, 4)
  const type = h.readUInt16LE(0)
  return (type === CONTINUE || type === MSODRAWINGGROUP) && h.readUInt16LE(2) === lastLen ? last + 4 + lastLen : undefined
}

// The INDEX record of a BIFF8 worksheet lists the stream offsets of its DBCELL records: the cell table
// ends with the last one. Undefined when there is none or it is not a DBCELL.
async function endOfCellTable(records: Records, data: Buffer, p: number): Promise<number | undefined> {
  if (data.length < 20) return undefined
  const last = data.readUInt32LE(data.length - 4 - ((data.length - 16) % 4))
  if (last <= p || last + 4 > records.size) return undefined
  const h = await records.peek(last, 4)
  return h.readUInt16LE(0) === DBCELL ? last + 4 + h.readUInt16LE(2) : undefined
}

/** Walk the records of a workbook stream and report what they show. */
export async function walkBiff(stream: StreamBytes, options: {decrypted?: boolean} = {}): Promise<BiffResult> {
  const records = new Records(stream)
  const features: Feature[] = []
  const add = (id: string, evidence: string) => {
    if (!features.some((f) => f.id === id)) features.push({id, evidence})
  }
  const result: BiffResult = {features}
  let substream = 0 // BOF dt of the current substream: 0x0005 globals, 0x0010 worksheet, 0x0040 macro sheet
  let sheetProtected = false
  let sheetPassword = false
  let cellTableEnd: number | undefined
  const closeSheet = () => {
    // BIFF keeps the two facts in two records: PROTECT (the sheet is locked) and PASSWORD (its hash).
    if (substream === 0x0010 && sheetProtected) add('protected-sheet', 'BIFF PROTECT record in a worksheet')
    if (substream === 0x0010 && sheetProtected && sheetPassword) add('password-protected-sheet', 'BIFF PASSWORD record (hash) on a protected worksheet')
    sheetProtected = sheetPassword = false
    cellTableEnd = undefined
  }
  for (let p = 0; p + 4 <= stream.size; ) {
    const header = records.near(p, 4) ?? (await records.at(p, 4))
    const type = header.readUInt16LE(0)
    const len = header.readUInt16LE(2)
    const data = records.near(p + 4, len) ?? (await records.at(p + 4, len))
    const at = p
    p += 4 + len
    if (BOF_TYPES.has(type) && data.length >= 4) {
      closeSheet()
      result.version ??= type === 0x0809 ? data.readUInt16LE(0) : type
      substream = data.readUInt16LE(2)
      if (substream === 0x0040) add('xlm-macros', 'BIFF BOF of an Excel 4.0 macro sheet')
      continue
    }
    if (type === 0x002f && !options.decrypted) {
      result.filepass = data
      describeFilepass(result, data, result.version === 0x0500)
      break // the rest is ciphertext
    }
    if (type === 0x000a) closeSheet()
    if (type === MSODRAWINGGROUP && !options.decrypted) p = (await endOfDrawingGroup(records, at, len, data)) ?? p
    else if (type === 0x020b && substream === 0x0010 && result.version === 0x0600) cellTableEnd = await endOfCellTable(records, data, at)
    else if (type === ROW && cellTableEnd !== undefined) {
      // PROTECT and PASSWORD come before the cell table, query tables after it: nothing inside it counts.
      p = Math.max(p, cellTableEnd)
      cellTableEnd = undefined
    } else if (type === 0x0085 && data.length >= 6 && data[5] === 0x01) add('xlm-macros', 'BIFF BOUNDSHEET of type macro sheet')
    else if (type === 0x0012 && data.length >= 2 && data.readUInt16LE(0) === 1) {
      if (substream === 0x0005) add('workbook-protection', 'BIFF PROTECT record in the workbook globals')
      else if (substream === 0x0010) sheetProtected = true
    } else if (type === 0x0019 && data.length >= 2 && data.readUInt16LE(0) === 1 && substream === 0x0005) add('workbook-protection', 'BIFF WINDOWPROTECT record')
    else if (type === 0x0013 && data.length >= 2 && data.readUInt16LE(0) !== 0 && substream === 0x0010) sheetPassword = true
    else if (type === 0x01ae) supbook(data, add)
    else if (QUERY.has(type)) add('data-connections', `BIFF ${QUERY.get(type)} record (query table or data connection)`)
    else if (type === SXVIEW && substream === 0x0010) add('pivot-tables', 'BIFF SxView record (a PivotTable on a worksheet)')
  }
  closeSheet()
  return result
}

// SUPBOOK: 0x0401 marks the workbook itself, 0x3A01 add-in functions; anything else names another file.
function supbook(data: Buffer, add: (id: string, evidence: string) => void) {
  if (data.length < 4) return
  const cch = data.readUInt16LE(2)
  if (cch === 0x0401 || cch === 0x3a01) return
  // A one-character path of 0x00 (unused) or 0x20 (the same sheet) names no other file ([MS-XLS] 2.5.277).
  if (cch === 1 && (data[5] === 0x00 || data[5] === 0x20)) return
  const wide = (data[4] ?? 0) & 1
  const raw = data.subarray(5, 5 + cch * (wide ? 2 : 1))
  const path = (wide ? raw.toString('utf16le') : raw.toString('latin1')).replace(/[\x00-\x1f]/g, (c) => (c === '\x03' ? '|' : '/'))
  add('external-links', `BIFF SUPBOOK to ${path.slice(0, 120)}`)
  if (data.readUInt16LE(0) === 0 && raw.includes(wide ? Buffer.from([3, 0]) : Buffer.from([3]))) add('dde', `BIFF SUPBOOK DDE link ${path.slice(0, 120)}`)
}

function describeFilepass(result: BiffResult, data: Buffer, biff5: boolean) {
  const kind = biff5 ? -1 : data.length >= 2 ? data.readUInt16LE(0) : -1
  if (biff5 && data.length >= 4) {
    result.encryption = 'BIFF5 XOR obfuscation'
    result.defaultPassword = data.readUInt16LE(2) === xorVerifier()
  } else if (kind === 0 && data.length >= 6) {
    result.encryption = 'XOR obfuscation'
    result.defaultPassword = data.readUInt16LE(4) === xorVerifier()
  } else if (kind === 1 && data.length >= 6) {
    const keys = checkRc4(data.subarray(2))
    result.encryption = data.readUInt16LE(2) === 1 ? 'RC4' : 'RC4 CryptoAPI'
    result.defaultPassword = keys !== undefined
  } else {
    result.encryption = 'unknown scheme'
  }
  result.features.push({id: 'encrypted', evidence: `BIFF FILEPASS record (${result.encryption})`})
}
