// The magic-byte table: the hot path, run on the first bytes of every file. Fixed-offset signatures
// from each format's specification are tested first; containers (OLE2, ZIP) are recognised here and
// decided elsewhere; a few binary formats need a second look at a header field.

import {sniffFont} from './font-magic.js'
import {sniffMedia} from './media-magic.js'

export type MagicHit =
  | {format: string; basis: string; warnings?: string[]}
  | {container: 'ole2' | 'zip'; basis: string}

type Signature = {offset: number; bytes: Buffer; hit: MagicHit}

const sig = (offset: number, bytes: string | number[], hit: MagicHit): Signature =>
  ({offset, bytes: typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes), hit})
const hex = (s: string) => [...Buffer.from(s, 'hex')]
const is = (format: string, basis: string): MagicHit => ({format, basis})

const SIGNATURES: Signature[] = [
  sig(0, hex('d0cf11e0a1b11ae1'), {container: 'ole2', basis: 'OLE2 signature D0CF11E0 at 0'}),
  sig(0, 'PK\x03\x04', {container: 'zip', basis: 'ZIP local header PK\\3\\4 at 0'}),
  sig(0, 'PK\x05\x06', {container: 'zip', basis: 'empty ZIP end record at 0'}),
  sig(0, 'PK\x07\x08', {container: 'zip', basis: 'spanned ZIP marker at 0'}),
  sig(0, '8BPS\x00\x01', is('psd', 'Photoshop signature 8BPS version 1 at 0')),
  sig(0, '8BPS\x00\x02', is('psb', 'Photoshop signature 8BPS version 2 at 0')),
  sig(0, '{\\rtf', is('rtf', 'RTF header {\\rtf at 0')),
  sig(0, hex('e4525c7b8cd8a74daeb15378d02996d3'), is('one', 'OneNote section GUID {7B5C52E4-D88C-4DA7-AEB1-5378D02996D3} at 0')),
  sig(0, hex('a12fff43d9ef764c9ee210ea5722765f'), is('one', 'OneNote table-of-contents GUID {43FF2FA1-EFD9-4C76-9EE2-10EA5722765F} at 0')),
  sig(0, hex('789f3e22'), is('tnef', 'TNEF signature 0x223E9F78 at 0')),
  sig(0, 'FWS', is('swf', 'SWF signature FWS (uncompressed) at 0')),
  sig(0, 'CWS', is('swf', 'SWF signature CWS (zlib) at 0')),
  sig(0, 'ZWS', is('swf', 'SWF signature ZWS (LZMA) at 0')),
  sig(0, 'gimp xcf ', is('xcf', 'GIMP signature "gimp xcf " at 0')),
  sig(0, hex('0606edf5d81d46e5bd31efe7fe74b71d'), is('indd', 'InDesign database GUID 0606EDF5-D81D-46E5-BD31-EFE7FE74B71D at 0')),
  sig(0, hex('dba52d00'), is('doc', 'Word for Windows 2.0 magic A5DB at 0')),
  sig(0, hex('9ba52100'), is('doc', 'Word for Windows 1.x magic A59B at 0')),
  sig(0, hex('fe37001c'), is('doc', 'Word for Macintosh 4 magic FE37 001C at 0')),
  sig(0, hex('fe370023'), is('doc', 'Word for Macintosh 5 magic FE37 0023 at 0')),
  sig(0, 'HWP Document File', is('hwp', 'Hangul 3.x header "HWP Document File" at 0')),
  sig(0, '[ver]', is('sam', 'Ami Pro header [ver] at 0')),
  sig(0, 'ID;P', is('slk', 'SYLK header ID;P at 0')),
  sig(0, 'AutoCAD Binary DXF', is('dxf', 'binary DXF sentinel at 0')),
  sig(0, hex('c5d0d3c6'), is('eps', 'DOS EPS binary header C5D0D3C6 at 0')),
  sig(0, hex('d7cdc69a'), is('wmf', 'placeable WMF key 9AC6CDD7 at 0')),
  sig(0, hex('010009000003'), is('wmf', 'WMF header (memory metafile, version 3) at 0')),
  sig(0, hex('020009000003'), is('wmf', 'WMF header (disk metafile, version 3) at 0')),
  sig(0, hex('89504e470d0a1a0a'), is('png', 'PNG signature at 0')),
  // JPEG-LS (ITU T.87) opens with SOI then its own frame marker SOF55: JPEG decoders cannot read it.
  sig(0, hex('ffd8fff7'), is('unknown', 'JPEG-LS frame marker (SOI, SOF55) at 0: not a JPEG that JPEG readers open')),
  sig(0, hex('ffd8ff'), is('jpeg', 'JPEG SOI marker at 0')),
  sig(0, 'GIF87a', is('gif', 'GIF87a signature at 0')),
  sig(0, 'GIF89a', is('gif', 'GIF89a signature at 0')),
  sig(0, 'II*\x00', is('tiff', 'TIFF little-endian header at 0')),
  sig(0, 'MM\x00*', is('tiff', 'TIFF big-endian header at 0')),
  sig(0, hex('377abcaf271c'), is('7z', '7-Zip signature at 0')),
  sig(0, 'Rar!\x1a\x07\x00', is('rar', 'RAR 1.5-4 signature at 0')),
  sig(0, 'Rar!\x1a\x07\x01\x00', is('rar', 'RAR 5 signature at 0')),
  sig(0, '!<arch>\n', is('ar', 'Unix ar archive signature at 0 (also Debian packages)')),
  sig(0, hex('1f8b08'), is('gzip', 'GZIP header (deflate) at 0')),
  sig(257, 'ustar', is('tar', 'POSIX tar magic "ustar" at 257')),
]

const u16 = (b: Buffer, o: number) => (b.length >= o + 2 ? b.readUInt16LE(o) : -1)
const at = (b: Buffer, o: number, s: string) => b.length >= o + s.length && b.toString('latin1', o, o + s.length) === s

/** Match the head of a file against the signature table and the header checks. */
export function sniffMagic(head: Buffer, extension = ''): MagicHit | undefined {
  for (const s of SIGNATURES) {
    if (head.length >= s.offset + s.bytes.length && head.compare(s.bytes, 0, s.bytes.length, s.offset, s.offset + s.bytes.length) === 0) {
      return s.hit
    }
  }
  return headerChecks(head, extension)
}

// Signatures that need a field checked, a range of values, or the extension as a tie-breaker.
function headerChecks(head: Buffer, extension: string): MagicHit | undefined {
  // Jet/ACE page 0: "Standard Jet DB" or "Standard ACE DB" at 4, engine version at 0x14 (0 Jet 3, 1 Jet 4, 2+ ACE).
  if (at(head, 0, '\x00\x01\x00\x00Standard ')) {
    const engine = head.toString('latin1', 4, 19)
    const version = head.length > 0x14 ? head[0x14]! : -1
    const label = ['Jet 3 (Access 97)', 'Jet 4 (Access 2000-2003)'][version] ?? `ACE version ${version} (Access 2007+)`
    if (engine === 'Standard Jet DB') return is('mdb', `database header "Standard Jet DB" at 4, ${label}`)
    if (engine === 'Standard ACE DB') return is('accdb', `database header "Standard ACE DB" at 4, ${label}`)
  }
  // WordPerfect Corporation files share the \xFFWPC prefix; the file-type byte at 9 says what they hold:
  // 0x0A a document, 0x16 WordPerfect Graphics, others macros, dictionaries, printer resources...
  if (at(head, 0, '\xffWPC') && head.length >= 10 && head[9] === 0x0a) return is('wpd', 'WordPerfect prefix \\xFFWPC at 0, file type 0x0A (document)')
  // [MS-PST] 2.2.2.6: "!BDN", then wMagicClient "SM" (PST) or "SO" (OST), then wVer (14/15 ANSI, 23+ Unicode);
  // the header is at least 512 bytes long.
  if (at(head, 0, '!BDN') && head.length >= 512) {
    const client = head.toString('latin1', 8, 10)
    const version = u16(head, 10)
    const flavour = version >= 23 ? 'Unicode' : 'ANSI'
    if (client === 'SO') return is('ost', `Outlook store header !BDN, client SO (OST), wVer ${version} (${flavour})`)
    return is('pst', `Outlook store header !BDN, client ${client} (PST), wVer ${version} (${flavour})`)
  }
  // Lotus/Quattro/Works: a BOF record (type 0, length 2 or 26) whose value is the file version. Quattro Pro
  // for Windows writes a 2-byte BOF where Lotus 1-2-3 release 3+ writes 26 bytes: 0x1002 is wb2, not wk4.
  // Works for DOS/Windows 3-4 spreadsheets open with a BOF of type 0xFF instead of 0 (version 0x0404).
  if (u16(head, 0) === 0xff && u16(head, 2) === 2 && u16(head, 4) === 0x0404) return is('wks', 'BOF record type 0xFF version 0x404 (Works 3/4 spreadsheet) at 0')
  if (u16(head, 0) === 0 && u16(head, 2) === 2) {
    const v = u16(head, 4)
    const lotus: Record<number, [string, string]> = {0x0404: ['wks', 'Lotus 1-2-3 release 1A / Works'], 0x0405: ['wk1', 'Symphony'], 0x0406: ['wk1', 'Lotus 1-2-3 release 2'], 0x5120: ['wq1', 'Quattro Pro for DOS'], 0x5121: ['wq2', 'Quattro Pro 5 for DOS'], 0x1001: ['wb1', 'Quattro Pro for Windows 1'], 0x1002: ['wb2', 'Quattro Pro for Windows 5/6']}
    const hit = lotus[v]
    if (hit) return is(hit[0], `BOF record version 0x${v.toString(16)} (${hit[1]}) at 0`)
  }
  if (u16(head, 0) === 0 && u16(head, 2) === 0x1a) {
    const v = u16(head, 4)
    const lotus: Record<number, string> = {0x1000: 'wk3', 0x1002: 'wk4', 0x1003: '123', 0x1005: '123'}
    if (lotus[v]) return is(lotus[v], `Lotus BOF record version 0x${v.toString(16)} at 0`)
  }
  // BIFF2-4 worksheets stand alone (no OLE2): BOF 0x0009/0x0209/0x0409 with a 4- to 16-byte body.
  const bof = u16(head, 0)
  if ((bof === 0x0009 || bof === 0x0209 || bof === 0x0409 || bof === 0x0809) && [4, 6, 8, 16].includes(u16(head, 2))) {
    const dt = u16(head, 6) // BOF body: version, then the substream type
    if ([0x0005, 0x0010, 0x0020, 0x0040, 0x0100].includes(dt)) return is('xls', `BIFF BOF record 0x${bof.toString(16).padStart(4, '0')} at 0 (stand-alone Excel 2-5 sheet)`)
  }
  // Write and Word for DOS share this header (wIdent 0xBE31/0xBE32, wTool 0xAB00).
  if ((u16(head, 0) === 0xbe31 || u16(head, 0) === 0xbe32) && u16(head, 2) === 0 && u16(head, 4) === 0xab00) {
    if (extension === 'doc') return {format: 'doc', basis: 'Write / Word for DOS header BE31 00AB at 0; extension .doc breaks the tie (Word for DOS)', warnings: []}
    return is('wri', 'Write header wIdent BE31, wTool AB00 at 0')
  }
  if (at(head, 0, 'AC10') || at(head, 0, 'AC1.') || at(head, 0, 'AC2.')) {
    if (/^AC(10\d\d|1\.\d\d|2\.\d\d)/.test(head.toString('latin1', 0, 6))) return is('dwg', `AutoCAD version string ${head.toString('latin1', 0, 6)} at 0`)
  }
  // [MS-EMF] 2.3.4.2: EMR_HEADER (type 1) whose dSignature " EMF" sits at offset 40.
  if (head.length >= 44 && head.readUInt32LE(0) === 1 && at(head, 40, ' EMF')) return is('emf', 'EMR_HEADER with signature " EMF" at 40')
  if (at(head, 0, 'RIFF')) {
    const form = head.toString('latin1', 8, 12)
    if (/^cdr/i.test(form)) return is('cdr', `RIFF form ${form} (CorelDRAW) at 8`)
    if (form === 'WEBP') return is('webp', 'RIFF form WEBP at 8')
  }
  if (at(head, 2, 'IIXPR') || at(head, 2, 'MMXPR')) return is('qxp', `QuarkXPress signature ${head.toString('latin1', 2, 7)} at 2`)
  if (at(head, 0, 'BM') && head.length >= 14 && head.readUInt32LE(6) === 0 && head.readUInt32LE(10) >= 26 && head.readUInt32LE(10) < 4096) return is('bmp', 'BMP header BM with zero reserved fields at 0')
  return sniffFont(head) ?? sniffMedia(head) ?? sniffTar(head) ?? sniffDbase(head)
}

// Pre-POSIX (V7, old GNU) tar: no "ustar" magic, but a 512-byte header whose checksum field (octal, at 148)
// is the sum of the header's bytes with that field counted as spaces, and a file name at 0.
function sniffTar(head: Buffer): MagicHit | undefined {
  if (head.length < 512 || head[0] === 0) return undefined
  const field = head.toString('latin1', 148, 156).replace(/[\0 ]+$/, '').trim()
  if (!/^[0-7]{1,7}$/.test(field)) return undefined
  let sum = 0
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : head[i]!
  return sum === parseInt(field, 8) ? is('tar', `tar header at 0 whose checksum (${field}, octal) adds up, without the ustar magic (V7 tar)`) : undefined
}

// dBASE / FoxPro / Visual FoxPro tables: a version byte, a last-update date, the header and record
// lengths, and the field list ending in 0x0D right before the header ends (Visual FoxPro adds a
// 263-byte backlink after it). Common in legacy databases and GIS shapefiles.
const DBASE_VERSIONS = new Set([0x02, 0x03, 0x04, 0x05, 0x30, 0x31, 0x32, 0x43, 0x63, 0x7b, 0x83, 0x8b, 0x8c, 0x8e, 0xcb, 0xe5, 0xf5, 0xfb])
function sniffDbase(head: Buffer): MagicHit | undefined {
  if (head.length < 68 || !DBASE_VERSIONS.has(head[0]!)) return undefined
  const [month, day] = [head[2]!, head[3]!]
  const headerLength = head.readUInt16LE(8)
  if (month < 1 || month > 12 || day < 1 || day > 31 || headerLength < 65 || headerLength > head.length || head.readUInt16LE(10) < 1) return undefined
  const vfp = head[0]! >= 0x30 && head[0]! <= 0x32
  if (head[headerLength - 1] !== 0x0d && !(vfp && head[headerLength - 264] === 0x0d)) return undefined
  return is('dbf', `dBASE table header: version byte 0x${head[0]!.toString(16)}, ${headerLength}-byte header ending its field list with 0x0D`)
}

/** Where a PDF header starts: readers accept it anywhere in the first 1 KiB (ISO 32000-1, Annex H.3). Past
 * offset 0 it must carry a version ("%PDF-1.4": not a text that mentions "%PDF-"), and what comes before it
 * must be text (a mail or HTTP header, a comment), or a Macintosh wrapper (AppleSingle/AppleDouble,
 * MacBinary): binary bytes before it are another container holding a PDF (a RAR or ar archive). -1 if none. */
export function pdfHeaderAt(head: Buffer): number {
  const at = head.subarray(0, 1024).indexOf('%PDF-')
  if (at <= 0) return at
  if (!/^%PDF-\d\.\d/.test(head.toString('latin1', at, at + 8))) return -1
  const before = head.subarray(0, at)
  const appleWrapper = head.readUInt32BE(0) === 0x00051600 || head.readUInt32BE(0) === 0x00051607
  const macBinary = at === 128 && head[0] === 0 && head[1]! >= 1 && head[1]! <= 63
  return before.includes(0) && !appleWrapper && !macBinary ? -1 : at
}
