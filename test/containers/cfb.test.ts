import {describe, expect, it} from 'vitest'
import {CfbError, openCfb} from '../../src/containers/cfb.js'
import {bufferSource, type Source} from '../../src/containers/source.js'
import {summaryInformation} from '../../src/containers/property-set.js'
import {compoundFile, doc, workbookStream} from '../../fixtures/builders/ole2.js'

describe('openCfb', () => {
  it('lists streams with their full paths and reads mini and regular streams', async () => {
    const big = workbookStream(9000)
    const bytes = compoundFile({Workbook: big, 'Macros/VBA/dir': Buffer.from('dir-bytes'), small: Buffer.from('hello')})
    const cfb = await openCfb(bufferSource('t.xls', bytes))
    expect(cfb.entries.map((e) => e.path).filter((p) => !p.includes('Sh33tJ5')).sort()).toEqual(['', 'Macros', 'Macros/VBA', 'Macros/VBA/dir', 'Workbook', 'small'])
    expect(await cfb.readStream(cfb.find('small')!)).toEqual(Buffer.from('hello'))
    expect(await cfb.readStream(cfb.find('macros/vba/DIR')!)).toEqual(Buffer.from('dir-bytes'))
    expect((await cfb.readStream(cfb.find('Workbook')!)).equals(big)).toBe(true)
    expect((await cfb.readStream(cfb.find('Workbook')!, 8)).length).toBe(8)
  })

  it('rejects a truncated file with a corrupt-container error', async () => {
    const bytes = doc().subarray(0, 700)
    await expect(openCfb(bufferSource('t.doc', bytes))).rejects.toBeInstanceOf(CfbError)
  })

  it('refuses a FAT chain that loops instead of hanging', async () => {
    const bytes = Buffer.from(compoundFile({Workbook: workbookStream(9000)}))
    const firstDir = bytes.readUInt32LE(0x30)
    const fatSector = bytes.readUInt32LE(0x4c)
    // Point the directory's first sector at itself in the FAT.
    bytes.writeUInt32LE(firstDir, (fatSector + 1) * 512 + firstDir * 4)
    await expect(openCfb(bufferSource('loop.xls', bytes))).rejects.toThrow(/loops/)
  })

  // A source that counts the bytes its reads return (bufferSource does not count).
  const counted = (bytes: Buffer): Source & {pulled: number} => {
    const s = {...bufferSource('t.xls', bytes), head: bytes.subarray(0, 512), pulled: 0}
    const read = s.read
    s.read = async (offset, length) => {
      const b = await read(offset, length)
      s.pulled += b.length
      return b
    }
    return s
  }

  it('reads a small stream from its own mini sectors, not the whole mini stream', async () => {
    const streams: Record<string, Buffer> = {}
    for (let i = 0; i < 40; i++) streams[`filler${i}`] = Buffer.alloc(3000, i) // 120 kB of mini stream
    streams.target = Buffer.from('the stream asked for '.repeat(40))
    const source = counted(compoundFile(streams))
    const cfb = await openCfb(source)
    const before = source.pulled
    expect((await cfb.readStream(cfb.find('target')!)).equals(streams.target)).toBe(true)
    expect(source.pulled - before).toBeLessThan(4096)
    expect((await cfb.readStream(cfb.find('filler39')!)).equals(streams.filler39!)).toBe(true)
  })

  it('reads the application name of a property set without its thumbnail', async () => {
    // [MS-OLEPS]: header (byte order FFFE, one section at 48); section: size, count, (id, offset) pairs,
    // then PIDSI_THUMBNAIL (VT_CF, 60 kB) before PIDSI_APPNAME (VT_LPSTR), as Office writes them.
    const name = Buffer.from('Microsoft Excel\0', 'latin1')
    const thumbnail = Buffer.concat([Buffer.from(new Uint32Array([0x47, 60_000]).buffer), Buffer.alloc(60_000, 0x55)])
    const table = 8 + 16
    const section = Buffer.concat([
      Buffer.from(new Uint32Array([table + thumbnail.length + 8 + name.length, 2, 0x11, table, 0x12, table + thumbnail.length]).buffer),
      thumbnail,
      Buffer.from(new Uint32Array([0x1e, name.length]).buffer),
      name,
    ])
    const header = Buffer.alloc(48)
    header.writeUInt16LE(0xfffe, 0)
    header.writeUInt32LE(1, 24)
    header.writeUInt32LE(48, 44)
    const source = counted(compoundFile({'\u0005SummaryInformation': Buffer.concat([header, section]), Workbook: workbookStream(9000)}))
    const cfb = await openCfb(source)
    const before = source.pulled
    expect((await summaryInformation(cfb)).application).toBe('Microsoft Excel')
    expect(source.pulled - before).toBeLessThan(4 * 1024)
  })
})
