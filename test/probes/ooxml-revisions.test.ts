// Word lists property changes, cell changes and content-control insertions as revisions to accept or
// reject, in the body and in the styles part: each is a tracked change.
import {createHash} from 'node:crypto'
import {describe, expect, it} from 'vitest'
import {pdfObjectStream} from '../../fixtures/builders/pdf.js'
import {rc4} from '../../src/containers/rc4.js'
import {opc} from '../../fixtures/builders/zip.js'
import {probeBytes} from '../support/inspect.js'

const DOC = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

describe('revisions beyond inserted and deleted text', () => {
  for (const tag of ['<w:rPrChange w:id="1" w:author="a"><w:rPr/></w:rPrChange>', '<w:tcPrChange w:id="2" w:author="a"><w:tcPr/></w:tcPrChange>', '<w:customXmlInsRangeStart w:id="3" w:author="a"/>']) {
    it(`counts ${tag.slice(0, tag.indexOf(' '))}`, async () => {
      const body = `<w:document ${W}><w:body><w:p><w:r><w:rPr><w:b/>${tag}</w:rPr><w:t>x</w:t></w:r></w:p></w:body></w:document>`
      const r = await probeBytes(opc('word/document.xml', DOC, {body}), 'a.docx')
      expect(r.ids).toEqual(['tracked-changes'])
    })
  }
  it('does not take other elements ending in Change or starting with cell for revisions', async () => {
    const body = `<w:document ${W}><w:body><w:p><w:r><w:t>Change cellar RangeStart</w:t></w:r></w:p><w:tbl><w:tblPr><w:tblCellMar/><w:tblCellSpacing w:w="0"/></w:tblPr></w:tbl></w:body></w:document>`
    expect((await probeBytes(opc('word/document.xml', DOC, {body}), 'a.docx')).ids).toEqual([])
  })
})

describe('encrypted PDFs with object streams', () => {
  const compressed = ['<< /S /JavaScript /JS (x) >>']
  it('says their object streams were not read when a password is needed', async () => {
    const bytes = pdfObjectStream(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>', '<< /Filter /Standard /V 4 /R 4 /Length 128 /P -4 /O <00> /U <00> >>'], compressed, '/Root 1 0 R /Encrypt 3 0 R /ID [<0011> <0011>]')
    const r = await probeBytes(bytes, 'locked.pdf')
    expect(r.ids).toContain('encrypted')
    expect(r.warnings).toContain('encrypted PDF that needs a password: the objects inside its object streams were not read (forms, actions and annotations there are not reported)')
  })

  it('reads them when the empty user password opens the file (owner restrictions only): RC4, decrypted with the object key', async () => {
    const id0 = Buffer.alloc(16, 0x11)
    const o = Buffer.alloc(32, 0x42)
    const md5 = (...b: Buffer[]) => createHash('md5').update(Buffer.concat(b)).digest()
    const PAD = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex')
    const p = Buffer.alloc(4)
    p.writeInt32LE(-4)
    let key = md5(PAD, o, p, id0)
    for (let i = 0; i < 50; i++) key = md5(key)
    let u = rc4(key, md5(PAD, id0))
    for (let i = 1; i <= 19; i++) u = rc4(Buffer.from(key.map((b) => b ^ i)), u)
    const hex = (b: Buffer) => `<${b.toString('hex')}>`
    const handler = `<< /Filter /Standard /V 2 /R 3 /Length 128 /P -4 /O ${hex(o)} /U ${hex(Buffer.concat([u, Buffer.alloc(16)]))} >>`
    const bytes = pdfObjectStream(['<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>', handler], compressed, `/Root 1 0 R /Encrypt 3 0 R /ID [${hex(id0)} ${hex(id0)}]`)
    const plain = await probeBytes(bytes, 'plain.pdf') // the same file before its object stream is encrypted
    // Encrypt the object stream (object 5) in place: RC4 keeps its length, so every offset still holds.
    const start = bytes.indexOf('stream\n', bytes.indexOf('5 0 obj')) + 7
    const length = Number(/\/Length (\d+)/.exec(bytes.toString('latin1', bytes.indexOf('5 0 obj'), start))![1])
    rc4(md5(key, Buffer.from([5, 0, 0, 0, 0])), bytes.subarray(start, start + length)).copy(bytes, start)
    const r = await probeBytes(bytes, 'restricted.pdf')
    expect(r.ids).toEqual(['encrypted', 'pdf-javascript'])
    expect(r.warnings).toEqual([])
    expect(plain.ids).toEqual(['encrypted']) // undecryptable garbage once "decrypted": nothing invented
  })
})

describe('LINK fields', () => {
  it('report an OLE object linked to another file, not a HYPERLINK', async () => {
    const field = (code: string) => `<w:document ${W}><w:body><w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ${code} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:body></w:document>`
    const r = await probeBytes(opc('word/document.xml', DOC, {body: field('LINK Excel.Sheet.12 "C:\\\\Data\\\\q3.xlsx" "Sheet1!R1C1:R4C3" \\a \\f 4')}), 'a.docx')
    expect(r.ids).toEqual(['external-links'])
    expect(r.evidence['external-links']).toMatch(/^field LINK Excel\.Sheet\.12/)
    expect((await probeBytes(opc('word/document.xml', DOC, {body: field('HYPERLINK "https://example.org"')}), 'a.docx')).ids).toEqual([])
  })
})
