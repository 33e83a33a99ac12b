// ISO base media files (ISO/IEC 14496-12): an 'ftyp' box whose major brand names the member (QuickTime,
// MP4, HEIF), and JPEG 2000 (ISO/IEC 15444), whose signature box comes before its own 'ftyp'. Video and
// images are not the audit's focus, but naming them keeps them out of the unknown pile.
import type {MagicHit} from './magic.js'

const is = (format: string, basis: string): MagicHit => ({format, basis})
const JP2_SIGNATURE = Buffer.from('0000000c6a5020200d0a870a', 'hex')

/** A media format the first bytes name, with why. */
export function sniffMedia(head: Buffer): MagicHit | undefined {
  if (head.length >= 12 && head.compare(JP2_SIGNATURE, 0, 12, 0, 12) === 0) return is('jp2', 'JPEG 2000 signature box at 0')
  if (head.length >= 4 && head.readUInt32BE(0) === 0xff4fff51) return is('jp2', 'JPEG 2000 codestream SOC + SIZ markers at 0')
  if (head.length < 12) return undefined
  const box = head.toString('latin1', 4, 8)
  // Classic QuickTime files have no 'ftyp': they open with a movie or media-data atom (libmagic's test too),
  // or with a padding atom followed by one of those.
  const atomSize = head.readUInt32BE(0)
  const opening = /^(moov|mdat|wide)$/.test(box) && (atomSize >= 8 || atomSize === 1)
  const padded = /^(free|skip)$/.test(box) && atomSize >= 8 && QUICKTIME_NEXT.test(head.toString('latin1', atomSize + 4, atomSize + 8))
  if (opening || padded) return is('mov', `QuickTime '${box}' atom at 0, without an 'ftyp' box`)
  if (box !== 'ftyp') return undefined
  const size = head.readUInt32BE(0)
  if (size < 16 || size > 4096) return undefined
  // The major brand, then the compatible brands that follow the minor version.
  const brands = [head.toString('latin1', 8, 12)]
  for (let at = 16; at + 4 <= Math.min(size, head.length); at += 4) brands.push(head.toString('latin1', at, at + 4))
  if (brands[0] === 'qt  ') return is('mov', "ISO media 'ftyp' box, major brand qt (QuickTime)")
  const brand = brands.find((b) => MPEG4_BRAND.test(b))
  if (brand) return is('mp4', `ISO media 'ftyp' box, ${brand === brands[0] ? 'major' : 'compatible'} brand ${brand.trim()} (MPEG-4)`)
  return undefined
}

const MPEG4_BRAND = /^(isom|iso\d|mp4\d|mp41|mp42|avc1|M4V |M4A |M4B |M4P |dash|f4v |F4V |F4A |F4B |3gp\d|3g2\w)$/
// The atom after a leading padding atom.
const QUICKTIME_NEXT = /^(moov|mdat|wide|ftyp|pnot)$/
