// ODF bodies: tracked changes, DDE links, links to files outside the package (sheets, sections, OLE
// objects, images) and change recording; pictures and objects stored in the package are not links.
import {describe, expect, it} from 'vitest'
import {odf} from '../../fixtures/builders/zip.js'
import {probeBytes} from '../support/inspect.js'

const NS = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:xlink="http://www.w3.org/1999/xlink"'
const doc = (body: string) => `<office:document-content ${NS} office:version="1.3"><office:body><office:text>${body}</office:text></office:body></office:document-content>`
const ODT = 'application/vnd.oasis.opendocument.text'

describe('ODF links and changes', () => {
  it('reports tracked changes, DDE fields and links to other files', async () => {
    const body = [
      '<text:tracked-changes><text:changed-region text:id="ct1"><text:insertion><office:change-info/></text:insertion></text:changed-region></text:tracked-changes>',
      '<text:dde-connection-decls><text:dde-connection-decl office:name="Link1" office:dde-application="soffice" office:dde-topic="C:\\data\\prices.ods" office:dde-item="Sheet1.A1"/></text:dde-connection-decls>',
      '<text:section text:name="S1"><text:section-source xlink:href="../shared/boilerplate.odt" xlink:type="simple"/></text:section>',
      '<draw:frame><draw:image xlink:href="https://intranet.example/logo.png" xlink:type="simple"/></draw:frame>',
    ].join('')
    const r = await probeBytes(odf(ODT, doc(body)), 'letter.odt')
    expect(r.ids).toEqual(['dde', 'external-links', 'linked-images', 'tracked-changes'])
    expect(r.evidence.dde).toBe('text:dde-connection-decl soffice | C:\\data\\prices.ods | Sheet1.A1 in content.xml')
    expect(r.evidence['external-links']).toBe('text:section-source ../shared/boilerplate.odt in content.xml')
  })
  it('does not count pictures and objects stored in the package, or an empty list of DDE links', async () => {
    const body = '<table:dde-links/><draw:frame><draw:image xlink:href="Pictures/1000.png"/></draw:frame><draw:frame><draw:object xlink:href="./Object 1"/></draw:frame>'
    expect((await probeBytes(odf(ODT, doc(body)), 'letter.odt')).ids).toEqual([])
  })
  it('reports change recording switched on in the settings', async () => {
    const settings = (on: boolean) => `<office:document-settings xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0"><office:settings><config:config-item-set config:name="ooo:configuration-settings"><config:config-item config:name="RecordChanges" config:type="boolean">${on}</config:config-item></config:config-item-set></office:settings></office:document-settings>`
    expect((await probeBytes(odf(ODT, doc(''), {'settings.xml': settings(true)}), 'a.odt')).ids).toEqual(['track-revisions-on'])
    expect((await probeBytes(odf(ODT, doc(''), {'settings.xml': settings(false)}), 'a.odt')).ids).toEqual([])
  })
})

describe('ODF fonts', () => {
  it('names each declared font by the first family of its CSS list, and says it is not embedded', async () => {
    const decls = `<office:document-content ${NS} xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.1"><office:font-face-decls>` +
      `<style:font-face style:name="Courier New5" svg:font-family="&apos;Courier New&apos;, monospace"/>` +
      `<style:font-face style:name="Times" svg:font-family="&quot;Times New Roman&quot;, serif"/>` +
      `<style:font-face style:name="Arial" svg:font-family="Arial"/>` +
      `</office:font-face-decls></office:document-content>`
    const r = await probeBytes(odf(ODT, decls), 'fonts.odt')
    expect(r.metadata.fonts).toEqual([{name: 'Courier New', embedded: false}, {name: 'Times New Roman', embedded: false}, {name: 'Arial', embedded: false}])
  })
})
