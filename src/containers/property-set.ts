// [MS-OLEPS] property sets: the producing application from SummaryInformation (PIDSI_APPNAME) and its
// version from DocumentSummaryInformation (PIDDSI_VERSION, major in the high word).
import type {Cfb, CfbEntry, StreamBytes} from './cfb.js'

// One property of the first section, read on its own: SummaryInformation often carries a thumbnail of
// tens of KiB, and only the id table and the one value are needed.
async function property(stream: StreamBytes, wanted: number): Promise<string | number | undefined> {
  const head = await stream.read(0, 48)
  if (head.length < 48 || head.readUInt16LE(0) !== 0xfffe) return undefined
  const section = head.readUInt32LE(44)
  const counted = await stream.read(section + 4, 4)
  if (counted.length < 4) return undefined
  const count = Math.min(counted.readUInt32LE(0), 256)
  const table = await stream.read(section + 8, count * 8)
  for (let at = 0; at + 8 <= table.length; at += 8) {
    if (table.readUInt32LE(at) !== wanted) continue
    const off = section + table.readUInt32LE(at + 4)
    const value = await stream.read(off, 8)
    if (value.length < 8) return undefined
    const type = value.readUInt16LE(0)
    if (type === 0x1e) return (await stream.read(off + 8, Math.min(value.readUInt32LE(4), 512))).toString('latin1').replace(/\x00+$/, '')
    if (type === 0x1f) return (await stream.read(off + 8, Math.min(value.readUInt32LE(4), 256) * 2)).toString('utf16le').replace(/\x00+$/, '')
    if (type === 0x03) return value.readInt32LE(4)
    return undefined
  }
  return undefined
}

const read = async (cfb: Cfb, entry: CfbEntry | undefined, wanted: number) => (entry ? property(await cfb.openStream(entry, 64 * 1024), wanted) : undefined)

/** Application name and version, when the compound file records them. */
export async function summaryInformation(cfb: Cfb): Promise<{application?: string; applicationVersion?: string}> {
  const out: {application?: string; applicationVersion?: string} = {}
  const app = await read(cfb, cfb.find('\u0005SummaryInformation'), 0x12)
  if (typeof app === 'string' && app.trim()) out.application = app.trim()
  const v = await read(cfb, cfb.find('\u0005DocumentSummaryInformation'), 0x17)
  if (typeof v === 'number' && v > 0) out.applicationVersion = `${v >>> 16}.${v & 0xffff}`
  return out
}
