// Strict OOXML is told by its relationship types as well as by the main part's namespaces, so a main
// part too large to read (or written without the prefix declared up front) still counts.
import {describe, expect, it} from 'vitest'
import {opc, STRICT_REL} from '../../fixtures/builders/zip.js'
import {probeBytes} from '../support/inspect.js'

const SHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'

describe('strict-ooxml', () => {
  it('comes from a Strict officeDocument relationship even when the main part says nothing', async () => {
    const r = await probeBytes(opc('xl/workbook.xml', SHEET, {relType: STRICT_REL}), 'strict.xlsx')
    expect(r.ids).toContain('strict-ooxml')
    expect(r.metadata.ooxmlConformance).toBe('strict')
  })
  it('is absent from a Transitional package', async () => {
    const r = await probeBytes(opc('xl/workbook.xml', SHEET), 'plain.xlsx')
    expect(r.ids).not.toContain('strict-ooxml')
    expect(r.metadata.ooxmlConformance).toBe('transitional')
  })
})

describe('main parts of several hundred KiB', () => {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
  const DOC = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'
  // Varied enough text that it compresses like prose, under the ZIP ratio guard.
  const paragraphs = Array.from({length: 9000}, (_, i) => `<w:p><w:r><w:t>Paragraph ${i}: ${((i * 2654435761) >>> 0).toString(36)} ${((i * 40503) % 99991).toString(16)} lorem ipsum.</w:t></w:r></w:p>`).join('')
  it('are read for their features without a warning that they were not (the namespace check reads only their start)', async () => {
    const body = `<w:document xmlns:w="${W}"><w:body>${paragraphs}<w:p><w:ins w:id="1" w:author="a"><w:r><w:t>new</w:t></w:r></w:ins></w:p></w:body></w:document>`
    expect(body.length).toBeGreaterThan(600 * 1024)
    const r = await probeBytes(opc('word/document.xml', DOC, {body}), 'long.docx')
    expect(r.ids).toEqual(['tracked-changes'])
    expect(r.warnings).toEqual([])
  })
  it('still say Strict from their root element', async () => {
    const body = `<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body>${paragraphs}</w:body></w:document>`
    expect((await probeBytes(opc('word/document.xml', DOC, {body}), 'strict.docx')).metadata.ooxmlConformance).toBe('strict')
  })
})
