import {zipSync, strToU8} from 'fflate'
import {describe, expect, it} from 'vitest'
import {bufferSource} from '../../src/containers/source.js'
import {openZip, ZipError} from '../../src/containers/zip.js'
import {ooxml} from '../../fixtures/builders/zip.js'

describe('openZip', () => {
  it('reads the central directory and inflates a part', async () => {
    const zip = await openZip(bufferSource('a.docx', ooxml('docx')))
    expect(zip.entries.map((e) => e.name)).toContain('[Content_Types].xml')
    const xml = (await zip.read(zip.find('word/document.xml')!)).toString()
    expect(xml).toContain('Hello')
  })

  it('finds entries by the central directory even with data prepended (self-extractor)', async () => {
    const bytes = Buffer.concat([Buffer.alloc(1000, 0x90), ooxml('xlsx')])
    const zip = await openZip(bufferSource('sfx.exe', bytes))
    expect((await zip.read(zip.find('xl/workbook.xml')!)).toString()).toContain('workbook')
  })

  it('reports a truncated archive as truncated', async () => {
    const bytes = ooxml('docx')
    await expect(openZip(bufferSource('cut.docx', bytes.subarray(0, bytes.length - 30)))).rejects.toMatchObject({code: 'truncated'})
  })

  it('never inflates a bomb past its cap', async () => {
    const bomb = Buffer.from(zipSync({'big.xml': [new Uint8Array(50 * 1024 * 1024), {level: 9}], 'x.txt': strToU8('x')}))
    const zip = await openZip(bufferSource('bomb.zip', bomb))
    const entry = zip.find('big.xml')!
    await expect(zip.read(entry, 1024 * 1024)).rejects.toBeInstanceOf(ZipError)
    const err = await zip.read(entry, 64 * 1024 * 1024).catch((e: ZipError) => e)
    expect(err).toMatchObject({code: 'budget-exceeded'})
  })
})
