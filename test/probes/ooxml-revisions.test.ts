// Word lists property changes, cell changes and content-control insertions as revisions to accept or
// reject, in the body and in the styles part: each is a tracked change.
import {describe, expect, it} from 'vitest'
import {pdfObjectStream} from '../../fixtures/builders/pdf.js'
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
  it('says their object streams were not read', async () => {
    const bytes = pdfObjectStream(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>', '<< /Filter /Standard /V 4 /R 4 /Length 128 /P -4 /O <00> /U <00> >>'], ['<< /S /JavaScript /JS (x) >>'], '/Root 1 0 R /Encrypt 3 0 R /ID [<0011> <0011>]')
    const r = await probeBytes(bytes, 'locked.pdf')
    expect(r.ids).toContain('encrypted')
    expect(r.warnings).toContain('encrypted PDF: the objects inside its object streams were not read (forms, actions and annotations there are not reported)')
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
