import {createHash} from 'node:crypto'
import {describe, expect, it} from 'vitest'
import {pdf} from '../../fixtures/builders/pdf.js'
import {rc4} from '../../src/probes/office-crypto.js'
import {probeBytes} from '../support/inspect.js'

const PAD = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex')
const hex = (b: Buffer) => `<${b.toString('hex')}>`

// An R2 standard security handler whose /U is right for the empty user password (owner password only).
function ownerOnly(id: Buffer, o: Buffer): string {
  const p = Buffer.alloc(4)
  p.writeInt32LE(-64)
  const key = createHash('md5').update(Buffer.concat([PAD, o, p, id])).digest().subarray(0, 5)
  return `<< /Filter /Standard /V 1 /R 2 /P -64 /O ${hex(o)} /U ${hex(rc4(key, PAD))} >>`
}

describe('PDF probe', () => {
  it('tells owner-password-only restrictions from a document that requires a password', async () => {
    const id = Buffer.alloc(16, 7)
    const o = Buffer.alloc(32, 3)
    const trailer = (enc: number) => `/Root 1 0 R /Encrypt ${enc} 0 R /ID [${hex(id)} ${hex(id)}]`
    const restricted = await probeBytes(pdf(['<< /Type /Catalog >>', ownerOnly(id, o)], [], trailer(2)), 'r.pdf')
    expect(restricted.ids).toEqual(['encrypted'])
    const locked = await probeBytes(pdf(['<< /Type /Catalog >>', `<< /Filter /Standard /V 1 /R 2 /P -64 /O ${hex(o)} /U ${hex(Buffer.alloc(32, 9))} >>`], [], trailer(2)), 'l.pdf')
    expect(locked.ids).toEqual(['encrypted', 'requires-password'])
    const cert = await probeBytes(pdf(['<< /Type /Catalog >>', '<< /Filter /Adobe.PubSec /V 4 >>'], [], trailer(2)), 'c.pdf')
    expect(cert.ids).toEqual(['certificate-encryption', 'encrypted'])
  })

  it('tells a file that encrypts only its attachments (AuthEvent EFOpen) from one that asks at opening, and keeps a damaged /Encrypt', async () => {
    const id = Buffer.alloc(16, 7)
    const trailer = `/Root 1 0 R /Encrypt 2 0 R /ID [${hex(id)} ${hex(id)}]`
    const handler = (event: string) => `<< /Filter /Standard /V 5 /R 6 /Length 256 /StmF /Identity /StrF /Identity /EFF /StdCF /CF << /StdCF << /CFM /AESV3 /AuthEvent /${event} >> >> /O ${hex(Buffer.alloc(48, 1))} /U ${hex(Buffer.alloc(48, 2))} /P -4 >>`
    const attachments = await probeBytes(pdf(['<< /Type /Catalog >>', handler('EFOpen')], [], trailer), 'a.pdf')
    expect(attachments.ids).toEqual(['encrypted'])
    expect(attachments.evidence.encrypted).toContain('only the embedded files are encrypted')
    expect((await probeBytes(pdf(['<< /Type /Catalog >>', handler('DocOpen')], [], trailer), 'd.pdf')).ids).toEqual(['encrypted', 'requires-password'])
    const damaged = await probeBytes(pdf(['<< /Type /Catalog >>', 'E< /Filter /Standard /V 5 >>'], [], trailer), 'x.pdf')
    expect(damaged.ids).toEqual(['encrypted'])
    expect(damaged.evidence.encrypted).toContain('cannot be read')
  })

  it('reports dynamic XFA, nested JavaScript actions, attachments and Launch; not empty signature fields', async () => {
    const bytes = pdf([
      '<< /Type /Catalog /NeedsRendering true /AcroForm << /Fields [2 0 R] /XFA 3 0 R >> /OpenAction << /S /Launch /F (calc.exe) >> >>',
      '<< /FT /Sig /T (sig) /AA << /F << /S /JavaScript /JS (app.alert(1)) >> >> /V 4 0 R >>',
      '<< /Length 0 >>',
      '<< /Type /Sig /Reference [] >>',
      '<< /Type /Filespec /F (a.txt) /EF << /F 3 0 R >> >>',
    ])
    const r = await probeBytes(bytes, 'form.pdf')
    expect(r.ids).toEqual(['acroform', 'attachments', 'launch-action', 'pdf-javascript', 'xfa'])
    expect(r.evidence.xfa).toMatch(/dynamic/)
    expect(r.metadata.pdfVersion).toBe('1.7')
  })

  it('reads the PDF/A claim and the fonts, embedded or not', async () => {
    const xmp = Buffer.from('<x:xmpmeta><rdf:Description pdfaid:part="2" pdfaid:conformance="B" xmp:CreatorTool="Writer"/></x:xmpmeta>')
    const bytes = pdf([
      '<< /Type /Catalog /Metadata 2 0 R >>',
      `<< /Type /Metadata /Subtype /XML /Length ${xmp.length} >>`,
      '<< /Type /Font /Subtype /TrueType /BaseFont /ABCDEF+Calibri /FontDescriptor 4 0 R >>',
      '<< /Type /FontDescriptor /FontFile2 5 0 R >>',
      '<< /Length 0 >>',
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ], [undefined, xmp])
    const r = await probeBytes(bytes, 'a.pdf')
    expect(r.evidence.pdfa).toBe('XMP claims PDF/A-2b')
    expect(r.metadata.fonts).toEqual([{name: 'Calibri', embedded: true}, {name: 'Helvetica', embedded: false}])
    expect(r.metadata.application).toBe('Writer')
  })
})

describe('PDF text strings', () => {
  it('decodes PDFDocEncoding, UTF-16BE (odd byte dropped) and UTF-8 with their marks', async () => {
    const {pdfText} = await import('../../src/probes/pdf.js')
    expect(pdfText({s: 'Acrobat Distiller\x92 6 \x84 \x93le \xe9t\xe9'})).toBe('Acrobat Distiller\u2122 6 \u2014 \ufb01le \u00e9t\u00e9')
    expect(pdfText({s: Buffer.from([0xfe, 0xff, 0, 0x41, 0x21, 0x22, 0x7]).toString('latin1')})).toBe('A\u2122')
    expect(pdfText({s: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Caf\u00e9 \u2122')]).toString('latin1')})).toBe('Caf\u00e9 \u2122')
  })
})

describe('PDF name trees and lying updates', () => {
  it('counts a JavaScript or EmbeddedFiles name tree only when it has entries', async () => {
    const empty = pdf(['<< /Type /Catalog /Pages 2 0 R /Names << /JavaScript 3 0 R /EmbeddedFiles 4 0 R >> >>', '<< /Type /Pages /Kids [] /Count 0 >>', '<< >>', '<< /Kids [5 0 R] >>', '<< /Names [] >>'])
    expect((await probeBytes(empty, 'empty.pdf')).ids).toEqual([])
    const full = pdf(['<< /Type /Catalog /Pages 2 0 R /Names << /JavaScript 3 0 R /EmbeddedFiles 4 0 R >> >>', '<< /Type /Pages /Kids [] /Count 0 >>', '<< /Names [(init) 5 0 R] >>', '<< /Kids [6 0 R] >>', '<< /S /Named /N /Print >>', '<< /Names [(a.txt) << /Type /Filespec /F (a.txt) >>] >>'])
    const r = await probeBytes(full, 'full.pdf')
    expect(r.ids).toEqual(['attachments', 'pdf-javascript'])
    expect(r.evidence['pdf-javascript']).toBe('document-level JavaScript name tree')
  })
  it('scans the file when the last update lists nothing, not even the catalog', async () => {
    const signed = pdf(['<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [3 0 R] /SigFlags 3 >> >>', '<< /Type /Pages /Kids [] /Count 0 >>', '<< /FT /Sig /T (Signature1) /V 4 0 R >>', '<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /ByteRange [0 10 20 30] /Contents <00> >>'])
    // An incremental update whose xref section is empty and whose trailer has no /Prev.
    const update = Buffer.from(`xref\n0 0\ntrailer\n<< /Root 1 0 R >>\nstartxref\n${signed.length}\n%%EOF\n`, 'latin1')
    const r = await probeBytes(Buffer.concat([signed, update]), 'isa.pdf')
    expect(r.ids).toEqual(['acroform', 'digital-signature'])
  })
  it('decodes XML escapes in XMP attribute values', async () => {
    const xml = Buffer.from('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreatorTool="File &amp; Serve &#x2122;"/></rdf:RDF></x:xmpmeta>')
    const bytes = pdf(['<< /Type /Catalog /Pages 2 0 R /Metadata 3 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>', `<< /Type /Metadata /Subtype /XML /Length ${xml.length} >>`], [undefined, undefined, xml])
    expect((await probeBytes(bytes, 'x.pdf')).metadata.application).toBe('File & Serve ™')
  })
})

describe('PDF signatures and XMP quoting', () => {
  it('does not take a usage-rights signature (/Perms /UR3) for a signed document', async () => {
    const ur3 = pdf(['<< /Type /Catalog /Pages 2 0 R /Perms << /UR3 3 0 R >> >>', '<< /Type /Pages /Kids [] /Count 0 >>', '<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /ByteRange [0 10 20 30] /Contents <00> /Reference [<< /Type /SigRef /TransformMethod /UR3 >>] >>'])
    expect((await probeBytes(ur3, 'form.pdf')).ids).toEqual([])
    const signed = pdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>', '<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /ByteRange [0 10 20 30] /Contents <00> /Reference [<< /Type /SigRef /TransformMethod /DocMDP >>] >>'])
    expect((await probeBytes(signed, 'signed.pdf')).ids).toEqual(['digital-signature'])
  })
  it('reads the PDF/A claim and the creator tool from single-quoted XMP attributes', async () => {
    const xml = Buffer.from(`<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description xmlns:pdfaid='http://www.aiim.org/pdfa/ns/id/' xmlns:xmp='http://ns.adobe.com/xap/1.0/' pdfaid:part='2' pdfaid:conformance='B' xmp:CreatorTool='ocrmypdf'/></rdf:RDF></x:xmpmeta>`)
    const bytes = pdf(['<< /Type /Catalog /Pages 2 0 R /Metadata 3 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>', `<< /Type /Metadata /Subtype /XML /Length ${xml.length} >>`], [undefined, undefined, xml])
    const r = await probeBytes(bytes, 'sandwich.pdf')
    expect(r.evidence.pdfa).toBe('XMP claims PDF/A-2b')
    expect(r.metadata.application).toBe('ocrmypdf')
  })
})

describe('PDF metadata from unseen documents (veraPDF corpus)', () => {
  const xmpPdf = (xml: Buffer, catalogExtra = '/Metadata 3 0 R') =>
    pdf([`<< /Type /Catalog /Pages 2 0 R ${catalogExtra} >>`, '<< /Type /Pages /Kids [] /Count 0 >>', `<< /Type /Metadata /Subtype /XML /Length ${xml.length} >>`], [undefined, undefined, xml])
  const packet = '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" pdfaid:part="1" pdfaid:conformance="B"/></rdf:RDF></x:xmpmeta><?xpacket end="r"?>'
  const utf32 = (s: string, le: boolean, bom: boolean) => {
    const cps = [...(bom ? '\ufeff' : ''), ...s].map((c) => c.codePointAt(0)!)
    const b = Buffer.alloc(cps.length * 4)
    cps.forEach((c, i) => (le ? b.writeUInt32LE(c, i * 4) : b.writeUInt32BE(c, i * 4)))
    return b
  }

  it('reads a PDF/A claim from XMP in UTF-16 or UTF-32, either byte order, with or without a mark', async () => {
    const le = Buffer.from(packet, 'utf16le')
    const encodings: Array<[string, Buffer]> = [
      ['UTF-16LE', le],
      ['UTF-16LE with mark', Buffer.concat([Buffer.from([0xff, 0xfe]), le])],
      ['UTF-16BE', Buffer.from(le).swap16()],
      ['UTF-16BE with mark', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()])],
      ['UTF-32BE with mark', utf32(packet, false, true)],
      ['UTF-32LE', utf32(packet, true, false)],
      ['UTF-8', Buffer.from(packet)],
    ]
    for (const [name, xml] of encodings) expect([name, (await probeBytes(xmpPdf(xml), 'a.pdf')).evidence.pdfa]).toEqual([name, 'XMP claims PDF/A-1b'])
  })

  it('takes the claim only from the catalog /Metadata, under whatever prefix binds the PDF/A namespace', async () => {
    const other = Buffer.from(packet.replace(/pdfaid/g, 'pdfa'))
    expect((await probeBytes(xmpPdf(other), 'prefix.pdf')).evidence.pdfa).toBe('XMP claims PDF/A-1b')
    // The same packet in a stream the catalog does not point to (an image's, a page's) claims nothing.
    expect((await probeBytes(xmpPdf(Buffer.from(packet), ''), 'orphan.pdf')).ids).toEqual([])
  })

  it('keeps the header version when the catalog /Version is malformed, and compares versions as numbers', async () => {
    const version = async (v: string, header: string) => (await probeBytes(pdf([`<< /Type /Catalog /Pages 2 0 R /Version /${v} >>`, '<< /Type /Pages /Kids [] /Count 0 >>'], [], '/Root 1 0 R', header), 'v.pdf')).metadata.pdfVersion
    expect(await version('2.A', '2.0')).toBe('2.0')
    expect(await version('2.00', '2.0')).toBe('2.0')
    expect(await version('1.7', '1.4')).toBe('1.7')
    expect(await version('1.4', '1.7')).toBe('1.7')
  })

  it('calls a FileAttachment annotation that embeds nothing a link to another file, not an attachment', async () => {
    const annotation = (fs: string) => pdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>', `<< /Type /Annot /Subtype /FileAttachment /Rect [0 0 10 10] /FS ${fs} >>`, '<< /Length 0 /Type /EmbeddedFile >>'])
    const linked = await probeBytes(annotation('<< /Type /Filespec /F (/HardDisk/SomeFile.pdf) >>'), 'linked.pdf')
    expect(linked.ids).toEqual(['external-links'])
    expect(linked.evidence['external-links']).toContain('/HardDisk/SomeFile.pdf')
    expect((await probeBytes(annotation('<< /Type /Filespec /F (a.txt) /EF << /F 4 0 R >> >>'), 'embedded.pdf')).ids).toEqual(['attachments'])
  })
})
