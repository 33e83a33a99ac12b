// Font files: OpenType/TrueType (ISO/IEC 14496-22 sfnt), collections, WOFF/WOFF2 (W3C) and Embedded
// OpenType. Shares hold the proprietary fonts a document needs (Calibri, Cambria…): the audit must see
// them. The 4-byte sfnt version 0x00010000 is weak on its own, so the table directory must add up.
import type {MagicHit} from './magic.js'

const is = (format: string, basis: string): MagicHit => ({format, basis})

// sfnt offset table: numTables, then searchRange = 16 x the largest power of two <= numTables.
function sfntTables(head: Buffer): number | undefined {
  if (head.length < 12) return undefined
  const tables = head.readUInt16BE(4)
  if (tables < 1 || tables > 100) return undefined
  return head.readUInt16BE(6) === 16 * 2 ** Math.floor(Math.log2(tables)) ? tables : undefined
}

/** A font format the first bytes name, with why. */
export function sniffFont(head: Buffer): MagicHit | undefined {
  if (head.length < 12) return undefined
  const tag = head.toString('latin1', 0, 4)
  if (tag === 'OTTO' && sfntTables(head)) return is('otf', `OpenType sfnt version OTTO (CFF outlines), ${sfntTables(head)} tables`)
  if ((head.readUInt32BE(0) === 0x00010000 || tag === 'true') && sfntTables(head)) return is('ttf', `TrueType sfnt version ${tag === 'true' ? "'true'" : '0x00010000'}, ${sfntTables(head)} tables`)
  if (tag === 'ttcf' && [0x00010000, 0x00020000].includes(head.readUInt32BE(4))) return is('ttc', `font collection header ttcf, ${head.readUInt32BE(8)} fonts`)
  if (tag === 'wOFF') return is('woff', 'WOFF signature wOFF at 0')
  if (tag === 'wOF2') return is('woff2', 'WOFF2 signature wOF2 at 0')
  // EOT: the header's version, then the magic number 0x504C at 34.
  if (head.length >= 36 && [0x00010000, 0x00020001, 0x00020002].includes(head.readUInt32LE(8)) && head.readUInt16LE(34) === 0x504c) return is('eot', 'Embedded OpenType header, magic 0x504C at 34')
  return undefined
}
