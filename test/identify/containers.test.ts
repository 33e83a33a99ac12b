// OLE2 and ZIP subtypes, built the way their specifications lay them out.
import {describe, expect, it} from 'vitest'
import {compoundFile, encryptedOoxml, powerPointStream, wordStream, workbookStream, workbookWith} from '../../fixtures/builders/ole2.js'
import {opc, STRICT_REL, zipOf} from '../../fixtures/builders/zip.js'
import {strToU8, zipSync} from 'fflate'
import {bufferSource} from '../../src/containers/source.js'
import {identify} from '../../src/identify/identify.js'

const id = (bytes: Buffer, ext = '') => identify(bufferSource(`f.${ext}`, bytes), ext)

describe('OLE2 subtypes', () => {
  const cases: Array<[string, Record<string, Buffer>, string]> = [
    ['an Excel template (BIFF TEMPLATE record)', {Workbook: workbookWith(0x60)}, 'xlt'],
    ['an Excel add-in (BIFF ADDIN record)', {Workbook: workbookWith(0x87)}, 'xla'],
    ['an Excel 5 workbook (Book stream)', {Book: workbookStream()}, 'xls'],
    // [MS-CFB] names compare case-insensitively; some writers save WORKBOOK or BOOK, and Excel opens them.
    ['a workbook whose stream is named in capitals', {WORKBOOK: workbookStream()}, 'xls'],
    ['a Visio drawing', {VisioDocument: Buffer.alloc(600)}, 'vsd'],
    ['a Publisher document', {'Quill/QuillSub/CONTENTS': Buffer.alloc(600)}, 'pub'],
    ['an Outlook message', {'__substg1.0_0037001F': Buffer.from('subject'), '__properties_version1.0': Buffer.alloc(32)}, 'msg'],
    ['a Project plan', {'   114/Props': Buffer.alloc(64), '   114/TBkndTask/FixedData': Buffer.alloc(8)}, 'mpp'],
    ['a Works spreadsheet', {WksSSWorkBook: Buffer.alloc(64)}, 'xlr'],
    ['a Works document', {CONTENTS: Buffer.alloc(64), SPELLING: Buffer.alloc(8)}, 'wps'],
    ['a Hangul document', {FileHeader: Buffer.from('HWP Document File\0\0\0'), 'BodyText/Section0': Buffer.alloc(8)}, 'hwp'],
    ['a PowerPoint 4 file', {PP40: Buffer.alloc(600)}, 'ppt'],
    ['a Quattro Pro notebook', {NativeContent_MAIN: Buffer.alloc(600)}, 'qpw'],
    ['a Corel Presentations show', {PerfectOffice_MAIN: Buffer.alloc(64), 'SlideShow/Main': Buffer.alloc(8)}, 'shw'],
    // Quattro Pro 7/8: the notebook's record stream opens with a Quattro BOF (type 0, length 2, 0x1007).
    ['a Quattro Pro 7/8 notebook', {PerfectOffice_MAIN: Buffer.concat([Buffer.from([0, 0, 2, 0, 0x07, 0x10]), Buffer.alloc(64)])}, 'wb3'],
    ['a StarOffice 5 text', {StarWriterDocument: Buffer.alloc(64)}, 'sdw'],
    ['a StarOffice 5 drawing', {StarDrawDocument3: Buffer.alloc(64)}, 'sda'],
    ['a Quattro-less PerfectOffice file holding a WordPerfect document', {PerfectOffice_MAIN: Buffer.concat([Buffer.from('\xffWPC\x10\x00\x00\x00\x01\x0a', 'latin1'), Buffer.alloc(600)])}, 'wpd'],
    // StarImpress 5 writes its presentation into StarDrawDocument3 as well; its class names it.
    ['a StarOffice 5 presentation', {StarDrawDocument3: Buffer.alloc(64), '\u0001CompObj': Buffer.from('\u0001\u0000\u00fe\u00ff\u0010\u0000\u0000\u0000StarImpress 5.0\u0000', 'latin1')}, 'sdd'],
  ]
  for (const [what, streams, format] of cases) {
    it(`tells ${what} (${format}) by its streams`, async () => {
      const r = await id(compoundFile(streams))
      expect(r.format).toBe(format)
      expect(r.basis.join(' ')).toMatch(/OLE2/)
    })
  }

  it('tells a Works 7 spreadsheet (Workbook beside WksSSWorkBook) and a Works database (MatOST, database CompObj)', async () => {
    const xlr = await id(compoundFile({Workbook: workbookStream(), WksSSWorkBook: Buffer.alloc(600), WksSSChart: Buffer.alloc(64)}), 'xlr')
    expect([xlr.format, xlr.extensionMismatch]).toEqual(['xlr', false])
    const compObj = (type: string) => Buffer.concat([Buffer.alloc(28), Buffer.from(`${type}\0MSWorksDBDoc\0`, 'latin1')])
    const wdb = await id(compoundFile({'MatOST/MatOST': Buffer.alloc(600), MM: Buffer.alloc(64), MN0: Buffer.alloc(64), '\u0001CompObj': compObj('Microsoft Works Database')}), 'wdb')
    expect([wdb.format, wdb.extensionMismatch]).toEqual(['wdb', false])
    expect((await id(compoundFile({'MatOST/MatOST': Buffer.alloc(600), CONTENTS: Buffer.alloc(64)}), 'wps')).format).toBe('wps')
  })

  it('names an encrypted OOXML package from the application its SummaryInformation names, the extension choosing within it', async () => {
    // [MS-OLEPS]: header (byte order FFFE, one section at 48), section: size, count, (id, offset), then VT_LPSTR.
    const name = Buffer.from('Microsoft Excel\0', 'latin1')
    const section = Buffer.concat([Buffer.from(new Uint32Array([16 + 8 + name.length, 1, 0x12, 16]).buffer), Buffer.from(new Uint32Array([0x1e, name.length]).buffer), name])
    const header = Buffer.alloc(48)
    header.writeUInt16LE(0xfffe, 0)
    header.writeUInt32LE(1, 24)
    header.writeUInt32LE(48, 44)
    const wrapper = () => compoundFile({EncryptionInfo: Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]), EncryptedPackage: Buffer.alloc(4096, 7), '\u0005SummaryInformation': Buffer.concat([header, section])})
    const misnamed = await id(wrapper(), 'xls')
    expect([misnamed.format, misnamed.extensionMismatch]).toEqual(['xlsx', true])
    expect(misnamed.basis).toContain('SummaryInformation names Microsoft Excel')
    expect((await id(wrapper(), 'xlsm')).format).toBe('xlsm')
  })

  it('names an encrypted OOXML package from the extension, with a warning', async () => {
    const r = await id(encryptedOoxml(), 'xlsb')
    expect(r.format).toBe('xlsb')
    expect(r.warnings.join(' ')).toMatch(/extension/)
    expect(r.extensionMismatch).toBe(false)
  })

  it('says the package type is unreadable when the extension does not name one', async () => {
    const r = await id(encryptedOoxml(), 'dat')
    expect(r.format).toBe('ooxml-encrypted')
    expect(r.warnings.length).toBeGreaterThan(0)
  })

  it('prefers EncryptedPackage over a stub WordDocument stream', async () => {
    const bytes = compoundFile({WordDocument: Buffer.alloc(600), EncryptionInfo: Buffer.alloc(8), EncryptedPackage: Buffer.alloc(600)})
    expect((await id(bytes, 'docx')).format).toBe('docx')
  })

  it('lets .pps break the tie between a binary show and a presentation, without a mismatch', async () => {
    const bytes = compoundFile({'PowerPoint Document': powerPointStream()})
    expect((await id(bytes, 'pps')).format).toBe('pps')
    expect((await id(bytes, '')).format).toBe('ppt')
    expect((await id(bytes, 'xls')).extensionMismatch).toBe(true)
  })

  it('falls back to cfb with a warning for an application it does not know', async () => {
    const r = await id(compoundFile({Whatever: Buffer.alloc(64)}))
    expect(r.format).toBe('cfb')
    expect(r.warnings.length).toBeGreaterThan(0)
  })
})

describe('ZIP / OPC subtypes', () => {
  const V = 'application/vnd.'
  const cases: Array<[string, string, string]> = [
    ['word/document.xml', `${V}openxmlformats-officedocument.wordprocessingml.template.main+xml`, 'dotx'],
    ['word/document.xml', `${V}ms-word.template.macroEnabledTemplate.main+xml`, 'dotm'],
    ['xl/workbook.bin', `${V}ms-excel.sheet.binary.macroEnabled.main`, 'xlsb'],
    ['xl/workbook.xml', `${V}ms-excel.addin.macroEnabled.main+xml`, 'xlam'],
    ['xl/workbook.xml', `${V}ms-excel.template.macroEnabled.main+xml`, 'xltm'],
    ['ppt/presentation.xml', `${V}openxmlformats-officedocument.presentationml.slideshow.main+xml`, 'ppsx'],
    ['ppt/presentation.xml', `${V}ms-powerpoint.template.macroEnabled.main+xml`, 'potm'],
    ['theme/theme/theme1.xml', `${V}openxmlformats-officedocument.theme+xml`, 'thmx'],
    ['visio/document.xml', `${V}ms-visio.drawing.main+xml`, 'vsdx'],
    ['visio/document.xml', `${V}ms-visio.drawing.macroEnabled.main+xml`, 'vsdm'],
    ['visio/document.xml', `${V}ms-visio.template.main+xml`, 'vstx'],
  ]
  it('follows Visio 2013+ to its main part by its own document relationship, without a warning', async () => {
    const r = await id(opc('visio/document.xml', `${V}ms-visio.drawing.main+xml`, {relType: 'http://schemas.microsoft.com/visio/2010/relationships/document'}))
    expect(r.format).toBe('vsdx')
    expect(r.basis.join(' ')).toMatch(/main part \/visio\/document\.xml/)
    expect(r.warnings).toEqual([])
  })

  for (const [part, type, format] of cases) {
    it(`tells ${format} by the main part's content type, whatever the entry order`, async () => {
      expect((await id(opc(part, type))).format).toBe(format)
      expect((await id(opc(part, type, {first: 'rels'}))).format).toBe(format)
    })
  }

  it('reads Strict OOXML relationships and says so', async () => {
    const r = await id(opc('xl/workbook.xml', `${V}openxmlformats-officedocument.spreadsheetml.sheet.main+xml`, {relType: STRICT_REL}))
    expect(r.format).toBe('xlsx')
    expect(r.basis.join(' ')).toMatch(/Strict/)
  })

  it('reads packages written with backslashes, a lower-case [content_types].xml, or Office 2007 beta namespaces', async () => {
    const types = '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'
    const rels = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    const windows = zipOf({'[content_types].xml': types, '_rels\\.rels': rels, 'xl\\workbook.xml': '<workbook/>'})
    expect((await id(windows, 'xlsx')).format).toBe('xlsx')
    const betaTypes = '<Types xmlns="http://schemas.microsoft.com/package/2005/06/content-types"><Override PartName="/theme/theme/themeManager.xml" ContentType="application/vnd.ms-office.themeManager+xml"/></Types>'
    const betaRels = '<Relationships xmlns="http://schemas.microsoft.com/package/2005/06/relationships"><Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2006/relationships/officeDocument" Target="theme/theme/themeManager.xml"/></Relationships>'
    expect((await id(zipOf({'[Content_Types].xml': betaTypes, '_rels/.rels': betaRels, 'theme/theme/themeManager.xml': '<x/>'}), 'thmx')).format).toBe('thmx')
    // Beta 2 main parts: a Word document and an Excel template, under whatever extension.
    for (const [part, type, format] of [['word/document.xml', 'application/vnd.ms-word.main+xml', 'docx'], ['xl/workbook.xml', 'application/vnd.ms-excel.template.main+xml', 'xltx']] as const) {
      const types = `<Types xmlns="http://schemas.microsoft.com/package/2005/06/content-types"><Override PartName="/${part}" ContentType="${type}"/></Types>`
      const rels = betaRels.replace('theme/theme/themeManager.xml', part)
      expect((await id(zipOf({'[Content_Types].xml': types, '_rels/.rels': rels, [part]: '<x/>'}), 'bin')).format).toBe(format)
    }
  })

  it('reads package parts written in UTF-16 (Office for Windows Phone)', async () => {
    const types = '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'
    const rels = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/workbook.xml"/></Relationships>'
    const utf16 = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')])
    const bytes = Buffer.from(zipSync({'[Content_Types].xml': utf16(types), '_rels/.rels': utf16(rels), 'xl/workbook.xml': strToU8('<workbook/>')}))
    expect((await id(bytes, 'xlsx')).format).toBe('xlsx')
  })

  it('tells XPS and OpenXPS by the fixed-representation relationship', async () => {
    const xps = opc('FixedDocSeq.fdseq', `${V}ms-package.xps-fixeddocumentsequence+xml`, {relType: 'http://schemas.microsoft.com/xps/2005/06/fixedrepresentation'})
    const oxps = opc('FixedDocSeq.fdseq', `${V}ms-package.xps-fixeddocumentsequence+xml`, {relType: 'http://schemas.openxps.org/oxps/v1.0/fixedrepresentation'})
    expect((await id(xps)).format).toBe('xps')
    expect((await id(oxps)).format).toBe('oxps')
  })

  it('names StarImpress 3 and 4 presentations by their class, and an EPUB without a mimetype entry by its container', async () => {
    for (const clsid of ['{012D3CC0-4216-11D0-89CB-008029E4B0B1}', '{AF10AAE0-B36D-101B-9961-04021C007002}']) {
      const bytes = compoundFile({StarDrawDocument: Buffer.alloc(600)})
      // The root entry is the first directory entry: its CLSID sits at offset 80 of the directory sector.
      const dir = (bytes.readUInt32LE(0x30) + 1) * 512
      const g = clsid.replace(/[{}-]/g, '')
      const stored = Buffer.concat([Buffer.from(g.slice(0, 8), 'hex').reverse(), Buffer.from(g.slice(8, 12), 'hex').reverse(), Buffer.from(g.slice(12, 16), 'hex').reverse(), Buffer.from(g.slice(16), 'hex')])
      stored.copy(bytes, dir + 80)
      expect((await id(bytes, 'sdd')).format).toBe('sdd')
    }
    const container = '<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>'
    const epub = await id(zipOf({'META-INF/container.xml': container, 'content.opf': '<package/>'}), 'epub')
    expect([epub.format, epub.extensionMismatch]).toEqual(['epub', false])
  })

  it('tells ODF, EPUB and IDML by the mimetype entry', async () => {
    expect((await id(zipOf({mimetype: 'application/vnd.oasis.opendocument.presentation', 'content.xml': '<x/>'}, 'mimetype'))).format).toBe('odp')
    expect((await id(zipOf({mimetype: 'application/epub+zip', 'META-INF/container.xml': '<x/>'}, 'mimetype'))).format).toBe('epub')
    expect((await id(zipOf({mimetype: 'application/vnd.adobe.indesign-idml-package', 'designmap.xml': '<x/>'}, 'mimetype'))).format).toBe('idml')
    // OpenOffice.org 1.x templates, master documents and formulas, and the ODF master-document template.
    const more: Array<[string, string]> = [['application/vnd.sun.xml.writer.template', 'stw'], ['application/vnd.sun.xml.calc.template', 'stc'], ['application/vnd.sun.xml.impress.template', 'sti'], ['application/vnd.sun.xml.draw.template', 'std'], ['application/vnd.sun.xml.writer.global', 'sxg'], ['application/vnd.sun.xml.math', 'sxm'], ['application/vnd.oasis.opendocument.text-master-template', 'otm']]
    for (const [mime, format] of more) {
      const r = await id(zipOf({mimetype: mime, 'content.xml': '<x/>'}, 'mimetype'), format)
      expect([r.format, r.extensionMismatch]).toEqual([format, false])
    }
  })

  it('falls back to the ODF manifest when the mimetype entry is missing', async () => {
    const manifest = '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>'
    const r = await id(zipOf({'content.xml': 'encrypted bytes', 'META-INF/manifest.xml': manifest}))
    expect(r.format).toBe('ods')
    expect(r.warnings.join(' ')).toMatch(/mimetype/)
  })

  it("tells iWork '09 Pages from Numbers by index.xml's root element", async () => {
    const bundle = (root: string) => zipOf({'index.xml': `<?xml version="1.0"?><${root} xmlns:sl="x"/>`, 'buildVersionHistory.plist': '<plist/>'})
    expect((await id(bundle('sl:document'))).format).toBe('pages')
    expect((await id(bundle('ls:document'))).format).toBe('numbers')
    expect((await id(zipOf({'index.apxl': '<key:presentation/>'}))).format).toBe('key')
  })

  it('keeps a plain zip a zip', async () => {
    const r = await id(zipOf({'a.txt': 'hello'}))
    expect(r.format).toBe('zip')
  })
})

describe('WPS Office (Kingsoft) files', () => {
  it('are the Office binary formats under their own extensions (.wps, .et, .dps), without a mismatch', async () => {
    const cases: Array<[string, Record<string, Buffer>, string]> = [
      ['wps', {WordDocument: wordStream(), '1Table': Buffer.alloc(600)}, 'doc'],
      ['et', {Workbook: workbookStream()}, 'xls'],
      ['dps', {'PowerPoint Document': powerPointStream(), 'Current User': Buffer.alloc(64)}, 'ppt'],
    ]
    for (const [ext, streams, format] of cases) {
      const r = await id(compoundFile(streams), ext)
      expect([ext, r.format, r.extensionMismatch]).toEqual([ext, format, false])
    }
    // A Microsoft Works document keeps its own id under the same extension.
    expect((await id(compoundFile({CONTENTS: Buffer.alloc(64), SPELLING: Buffer.alloc(8)}), 'wps')).format).toBe('wps')
  })
})
