import {randomBytes} from 'node:crypto'
import {describe, expect, it} from 'vitest'
import {encryptStandard} from '../../fixtures/builders/ooxml-crypto.js'
import {opc, ooxml} from '../../fixtures/builders/zip.js'
import {vbaProjectBin} from '../../fixtures/builders/vba.js'
import {bufferSource} from '../../src/containers/source.js'
import {identify} from '../../src/identify/identify.js'
import {probe} from '../../src/probes/index.js'

const XLSB = 'application/vnd.ms-excel.sheet.binary.macroEnabled.main'
const xlsb = () => encryptStandard(opc('xl/workbook.bin', XLSB))

describe('identification of encrypted OOXML packages', () => {
  it('opens a package encrypted with the default password and names the subtype its content types give', async () => {
    const r = await identify(bufferSource('book.xlsx', xlsb()), 'xlsx')
    expect(r.format).toBe('xlsb')
    expect(r.extensionMismatch).toBe(true)
    expect(r.basis.join(' | ')).toMatch(/decrypted with Excel's default password VelvetSweatshop \(ECMA-376 standard \(AES-128\)\)/)
    expect(r.warnings).toEqual([])
  })

  it('keeps the extension tie-break, with its warning, when the switch is off or the password is another', async () => {
    for (const [bytes, options] of [[xlsb(), {defaultPassword: false}], [encryptStandard(opc('xl/workbook.bin', XLSB), 'secret'), {}]] as const) {
      const r = await identify(bufferSource('book.xlsx', bytes), 'xlsx', options)
      expect(r.format).toBe('xlsx')
      expect(r.warnings.join(' ')).toMatch(/taken from the extension/)
    }
  })

  it('reads the package stream only once the password is known to fit', async () => {
    const bytes = encryptStandard(Buffer.concat([opc('xl/workbook.bin', XLSB), randomBytes(512 * 1024)]), 'secret')
    const source = bufferSource('locked.xlsx', bytes)
    let read = 0
    const r = await identify({...source, read: async (o: number, l: number) => ((read += l), source.read(o, l))}, 'xlsx')
    expect(r.format).toBe('xlsx')
    expect(read).toBeLessThan(64 * 1024)
  })

  it('names an extension-less package too', async () => {
    expect((await identify(bufferSource('noext', encryptStandard(ooxml('pptx'))), '')).format).toBe('pptx')
  })

  it('hands the decrypted package to the probes, which do not derive the key again', async () => {
    const r = await identify(bufferSource('a.docx', encryptStandard(ooxml('docx'))), 'docx')
    expect(r.inspection.container.kind === 'ole2' && r.inspection.container.decrypted?.plain?.length).toBeGreaterThan(0)
    // Swap in another package: what the probes report can only come from the shared result.
    const macro = ooxml('docm', {'word/vbaProject.bin': new Uint8Array(vbaProjectBin({Module1: 'Sub AutoOpen()\r\nEnd Sub\r\n'}))})
    if (r.inspection.container.kind === 'ole2') r.inspection.container.decrypted = {scheme: 'shared', version: '4.2', plain: macro}
    const found = await probe(r.inspection)
    expect(found.features.map((f) => f.id).sort()).toEqual(['default-password', 'encrypted', 'vba-autoexec', 'vba-macros'])
    expect(found.features.find((f) => f.id === 'encrypted')?.evidence).toBe('OOXML EncryptedPackage, shared')
  })
})
