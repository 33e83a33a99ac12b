// OOXML package signatures are found through the signature origin's relationships, whatever the
// signature part is called (Office names them sig1.xml, other signers sig-<guid>.xml).
import {strToU8} from 'fflate'
import {describe, expect, it} from 'vitest'
import {ooxml} from '../../fixtures/builders/zip.js'
import {probeBytes} from '../support/inspect.js'

const SIG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/signature'
const signed = (part: string) => ooxml('docx', {
  '_xmlsignatures/origin.sigs': new Uint8Array(0),
  '_xmlsignatures/_rels/origin.sigs.rels': strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${SIG_REL}" Target="${part.split('/').pop()}"/></Relationships>`),
  [part]: strToU8('<Signature xmlns="http://www.w3.org/2000/09/xmldsig#"/>'),
})

describe('OOXML digital signatures', () => {
  it('finds a signature part by its relationship, whatever its name', async () => {
    expect((await probeBytes(signed('_xmlsignatures/sig-347563fd-46a6-45af-bd89-39eafd6b4bb4.xml'), 'a.docx')).ids).toContain('digital-signature')
    expect((await probeBytes(signed('_xmlsignatures/sig1.xml'), 'b.docx')).ids).toContain('digital-signature')
  })
  it('reports nothing for an unsigned package', async () => {
    expect((await probeBytes(ooxml('docx'), 'c.docx')).ids).not.toContain('digital-signature')
  })
})

describe('signed VBA projects and chart sheets (rust_xlsxwriter, EPPlus samples)', () => {
  const VBA_SIG = 'http://schemas.microsoft.com/office/2006/relationships/vbaProjectSignature'
  it('reports a VBA project signature found through vbaProject.bin relationships', async () => {
    const r = await probeBytes(ooxml('xlsx', {
      'xl/_rels/vbaProject.bin.rels': strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${VBA_SIG}" Target="vbaProjectSignature.bin"/></Relationships>`),
      'xl/vbaProjectSignature.bin': new Uint8Array(64),
    }), 'signed.xlsx')
    expect(r.ids).toContain('digital-signature')
    expect(r.evidence['digital-signature']).toMatch(/VBA project signature/)
  })
  it('reports a locked chart sheet (sheetProtection content="1")', async () => {
    const r = await probeBytes(ooxml('xlsx', {'xl/chartsheets/sheet1.xml': strToU8('<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetPr/><sheetProtection content="1" objects="1"/></chartsheet>')}), 'chart.xlsx')
    expect(r.ids).toEqual(['protected-sheet'])
    expect(r.evidence['protected-sheet']).toMatch(/chartsheets\/sheet1\.xml, enforced/)
  })
})
