// [MS-OLEPS] property sets: the producing application from SummaryInformation (PIDSI_APPNAME) and its
// version from DocumentSummaryInformation (PIDDSI_VERSION, major in the high word).
import type {Cfb} from './cfb.js'

function properties(b: Buffer): Map<number, string | number> {
  const out = new Map<number, string | number>()
  if (b.length < 48 || b.readUInt16LE(0) !== 0xfffe) return out
  const section = b.readUInt32LE(44)
  if (section + 8 > b.length) return out
  const count = Math.min(b.readUInt32LE(section + 4), 256)
  for (let i = 0; i < count; i++) {
    const at = section + 8 + i * 8
    if (at + 8 > b.length) break
    const id = b.readUInt32LE(at)
    const off = section + b.readUInt32LE(at + 4)
    if (off + 8 > b.length) continue
    const type = b.readUInt16LE(off)
    if (type === 0x1e) {
      const len = Math.min(b.readUInt32LE(off + 4), 512)
      out.set(id, b.toString('latin1', off + 8, Math.min(b.length, off + 8 + len)).replace(/\x00+$/, ''))
    } else if (type === 0x1f) {
      const len = Math.min(b.readUInt32LE(off + 4), 256)
      out.set(id, b.toString('utf16le', off + 8, Math.min(b.length, off + 8 + len * 2)).replace(/\x00+$/, ''))
    } else if (type === 0x03) out.set(id, b.readInt32LE(off + 4))
  }
  return out
}

/** Application name and version, when the compound file records them. */
export async function summaryInformation(cfb: Cfb): Promise<{application?: string; applicationVersion?: string}> {
  const out: {application?: string; applicationVersion?: string} = {}
  const si = cfb.find('\u0005SummaryInformation')
  if (si) {
    const app = properties(await cfb.readStream(si, 64 * 1024)).get(0x12)
    if (typeof app === 'string' && app.trim()) out.application = app.trim()
  }
  const dsi = cfb.find('\u0005DocumentSummaryInformation')
  if (dsi) {
    const v = properties(await cfb.readStream(dsi, 64 * 1024)).get(0x17)
    if (typeof v === 'number' && v > 0) out.applicationVersion = `${v >>> 16}.${v & 0xffff}`
  }
  return out
}
