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
  if (head.length < 12 || head.toString('latin1', 4, 8) !== 'ftyp') return undefined
  const size = head.readUInt32BE(0)
  if (size < 16 || size > 4096) return undefined
  const brand = head.toString('latin1', 8, 12)
  if (brand === 'qt  ') return is('mov', "ISO media 'ftyp' box, major brand qt (QuickTime)")
  if (/^(isom|iso\d|mp4\d|mp41|mp42|avc1|M4V |M4A |dash|f4v |3gp\d|3g2\w)$/.test(brand)) return is('mp4', `ISO media 'ftyp' box, major brand ${brand.trim()} (MPEG-4)`)
  return undefined
}
