import {describe, expect, it} from 'vitest'
import {CfbError, openCfb} from '../../src/containers/cfb.js'
import {bufferSource} from '../../src/containers/source.js'
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
})
