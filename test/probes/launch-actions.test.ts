// Presentations whose shapes start a program when clicked: PowerPoint's "Run program" action (and a
// hyperlink to an executable file), Impress's "execute" interaction. They report launch-action, as PDF
// Launch actions do; a hyperlink to a document or a jump between slides does not.
import {strToU8} from 'fflate'
import {describe, expect, it} from 'vitest'
import {odf, ooxml} from '../../fixtures/builders/zip.js'
import {probeBytes} from '../support/inspect.js'

const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const slide = (action: string, target: string) => ({
  'ppt/slides/slide1.xml': strToU8(`<p:sld xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}"><p:cSld><p:spTree><p:sp><p:nvSpPr><p:cNvPr id="2" name="Button"><a:hlinkClick r:id="rId2" action="${action}"/></p:cNvPr></p:nvSpPr></p:sp></p:spTree></p:cSld></p:sld>`),
  'ppt/slides/_rels/slide1.xml.rels': strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="${R}/hyperlink" Target="${target}" TargetMode="External"/></Relationships>`),
})

describe('launch actions in presentations', () => {
  it('reports a PowerPoint Run program action with the program', async () => {
    const r = await probeBytes(ooxml('pptx', slide('ppaction://program', 'file:///C:/Windows/System32/cmd.exe')), 'deck.pptx')
    expect(r.ids).toEqual(['launch-action'])
    expect(r.evidence['launch-action']).toBe('PowerPoint action ppaction://program on ppt/slides/slide1.xml: file:///C:/Windows/System32/cmd.exe')
  })
  it('reports a hyperlink to an executable file, not one to a document or a slide jump', async () => {
    expect((await probeBytes(ooxml('pptx', slide('ppaction://hlinkfile', '..\\tools\\setup.bat')), 'deck.pptx')).ids).toEqual(['launch-action'])
    expect((await probeBytes(ooxml('pptx', slide('ppaction://hlinkfile', 'budget%202024.xlsx')), 'deck.pptx')).ids).toEqual([])
    expect((await probeBytes(ooxml('pptx', slide('ppaction://hlinkshowjump?jump=nextslide', 'https://example.org/x.exe')), 'deck.pptx')).ids).toEqual([])
  })
  it('reports an Impress interaction that executes a program', async () => {
    const content = `<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:script="urn:oasis:names:tc:opendocument:xmlns:script:1.0" office:version="1.3"><office:body><office:presentation><draw:page xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"><draw:custom-shape><office:event-listeners><presentation:event-listener script:event-name="dom:click" presentation:action="execute" xlink:href="../bin/report.exe" xlink:type="simple"/></office:event-listeners></draw:custom-shape></draw:page></office:presentation></office:body></office:document-content>`
    const r = await probeBytes(odf('application/vnd.oasis.opendocument.presentation', content), 'talk.odp')
    expect(r.ids).toEqual(['launch-action'])
    expect(r.evidence['launch-action']).toBe('presentation:action execute in content.xml: ../bin/report.exe')
    expect((await probeBytes(odf('application/vnd.oasis.opendocument.presentation', content.replace('"execute"', '"next-page"')), 'talk.odp')).ids).toEqual([])
  })
})
