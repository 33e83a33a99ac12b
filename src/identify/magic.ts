// The magic-byte table: the hot path, run on the first bytes of every file. Signatures at fixed
// offsets are tested in order; containers (OLE2, ZIP) are recognised here and decided elsewhere.

export type MagicHit = {format: string; basis: string} | {container: 'ole2' | 'zip'; basis: string}

type Signature = {offset: number; bytes: Buffer; hit: MagicHit}

const sig = (offset: number, bytes: string | number[], hit: MagicHit): Signature =>
  ({offset, bytes: typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes), hit})

const SIGNATURES: Signature[] = [
  sig(0, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], {container: 'ole2', basis: 'OLE2 signature D0CF11E0 at 0'}),
  sig(0, 'PK\x03\x04', {container: 'zip', basis: 'ZIP local header PK\\3\\4 at 0'}),
  sig(0, 'PK\x05\x06', {container: 'zip', basis: 'empty ZIP end record at 0'}),
  sig(0, '8BPS\x00\x01', {format: 'psd', basis: 'Photoshop signature 8BPS version 1 at 0'}),
  sig(0, '8BPS\x00\x02', {format: 'psb', basis: 'Photoshop signature 8BPS version 2 at 0'}),
  sig(0, '{\\rtf', {format: 'rtf', basis: 'RTF header {\\rtf at 0'}),
  sig(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], {format: 'png', basis: 'PNG signature at 0'}),
  sig(0, [0xff, 0xd8, 0xff], {format: 'jpeg', basis: 'JPEG SOI marker at 0'}),
  sig(0, 'GIF8', {format: 'gif', basis: 'GIF8 signature at 0'}),
]

/** Match the head of a file against the signature table. */
export function sniffMagic(head: Buffer): MagicHit | undefined {
  for (const s of SIGNATURES) {
    if (head.length >= s.offset + s.bytes.length && head.compare(s.bytes, 0, s.bytes.length, s.offset, s.offset + s.bytes.length) === 0) return s.hit
  }
  // PDF readers accept the header anywhere in the first 1 KiB (ISO 32000-1, Annex H.3).
  const pdfAt = head.subarray(0, 1024).indexOf('%PDF-')
  if (pdfAt >= 0) return {format: 'pdf', basis: `%PDF- header at ${pdfAt}`}
  return undefined
}

/** True when the bytes look like text (no NULs, few control characters): the weakest evidence. */
export function looksLikeText(head: Buffer): boolean {
  if (head.length === 0) return false
  let control = 0
  for (const b of head) {
    if (b === 0) return false
    if (b < 9 || (b > 13 && b < 32)) control++
  }
  return control / head.length < 0.01
}
