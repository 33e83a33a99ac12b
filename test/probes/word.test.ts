// Word binary documents: field codes in the text stream (8-bit or UTF-16) reveal DDE links and OLE objects
// linked to other files (LINK).
import {describe, expect, it} from 'vitest'
import {compoundFile, wordStream} from '../../fixtures/builders/ole2.js'
import {probeBytes} from '../support/inspect.js'

const doc = (text: Buffer) => {
  const stream = wordStream({size: 2048})
  text.copy(stream, 1536)
  return compoundFile({WordDocument: stream, '1Table': Buffer.alloc(512)})
}

describe('Word binary fields', () => {
  it('reports a LINK field in 8-bit and in UTF-16 text', async () => {
    const code = '\u0013 LINK Excel.Sheet.8 "C:\\\\Data\\\\q3.xls" "Sheet1!R1C1" \\a \u0014result\u0015'
    for (const text of [Buffer.from(code, 'latin1'), Buffer.from(code, 'utf16le')]) {
      const r = await probeBytes(doc(text), 'report.doc')
      expect(r.ids).toEqual(['external-links'])
      expect(r.evidence['external-links']).toMatch(/^Word field LINK Excel\.Sheet\.8 "C:/)
    }
  })
  it('reports a DDE field in UTF-16 text (the field begin is 0x0013 there too)', async () => {
    const r = await probeBytes(doc(Buffer.from('\u0013 DDEAUTO Excel "C:\\\\q3.xls" "R1C1" \u0014x\u0015', 'utf16le')), 'report.doc')
    expect(r.ids).toEqual(['dde'])
  })
  it('does not take a HYPERLINK field for one', async () => {
    expect((await probeBytes(doc(Buffer.from('\u0013 HYPERLINK "https://example.org" \u0014x\u0015', 'latin1')), 'report.doc')).ids).toEqual([])
  })
})
