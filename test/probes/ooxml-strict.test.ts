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
