// Header signatures and text sniffing: each case is the smallest head its specification allows.
import {describe, expect, it} from 'vitest'
import {pdf} from '../../fixtures/builders/misc.js'
import {bufferSource} from '../../src/containers/source.js'
import {identify} from '../../src/identify/identify.js'
import {sniffMagic} from '../../src/identify/magic.js'
import {sniffText} from '../../src/identify/text.js'

const id = (bytes: Buffer | string, ext = '') => identify(bufferSource(`f.${ext}`, typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes), ext)
const h = (hex: string, pad = 64) => Buffer.concat([Buffer.from(hex.replace(/\s/g, ''), 'hex'), Buffer.alloc(pad)])
const le16 = (...v: number[]) => Buffer.concat(v.map((x) => { const b = Buffer.alloc(2); b.writeUInt16LE(x); return b }))

describe('binary signatures', () => {
  const emf = Buffer.alloc(88)
  emf.writeUInt32LE(1, 0)
  emf.write(' EMF', 40, 'latin1')
  const pst = Buffer.concat([Buffer.from('!BDN\0\0\0\0SM', 'latin1'), le16(23), Buffer.alloc(564)])
  const ost = Buffer.concat([Buffer.from('!BDN\0\0\0\0SO', 'latin1'), le16(14), Buffer.alloc(564)])
  const cases: Array<[string, Buffer | string, string]> = [
    ['Jet 4 database', Buffer.concat([Buffer.from('\0\x01\0\0Standard Jet DB\0', 'latin1'), le16(1), Buffer.alloc(64)]), 'mdb'],
    ['ACE database', Buffer.concat([Buffer.from('\0\x01\0\0Standard ACE DB\0', 'latin1'), Buffer.alloc(64)]), 'accdb'],
    ['Unicode PST', pst, 'pst'],
    ['ANSI OST', ost, 'ost'],
    ['OneNote section', h('e4525c7b8cd8a74daeb15378d02996d3'), 'one'],
    ['TNEF', h('789f3e22 0100'), 'tnef'],
    ['WordPerfect', h('ff575043 1000 0000 010a'), 'wpd'],
    ['Word for Macintosh 5 document', h('fe370023 0000 0000'), 'doc'],
    ['compressed SWF', Buffer.from('CWS\x0a\0\0\0\0', 'latin1'), 'swf'],
    ['GIMP image', 'gimp xcf v011\0', 'xcf'],
    ['InDesign document', h('0606edf5d81d46e5bd31efe7fe74b71d'), 'indd'],
    ['Word 2 document', h('dba52d00'), 'doc'],
    ['Lotus 1-2-3 release 2', Buffer.concat([le16(0, 2, 0x0406), Buffer.alloc(32)]), 'wk1'],
    ['Lotus 1-2-3 release 3', Buffer.concat([le16(0, 0x1a, 0x1000), Buffer.alloc(32)]), 'wk3'],
    ['Lotus 1-2-3 release 4', Buffer.concat([le16(0, 0x1a, 0x1002), Buffer.alloc(32)]), 'wk4'],
    ['Quattro Pro for DOS', Buffer.concat([le16(0, 2, 0x5120), Buffer.alloc(32)]), 'wq1'],
    ['Works 3/4 spreadsheet', Buffer.concat([le16(0xff, 2, 0x0404, 0x5405, 2), Buffer.alloc(32)]), 'wks'],
    // Same version numbers as Lotus release 3+, but the 2-byte BOF body of the Quattro family.
    ['Quattro Pro for Windows 1', Buffer.concat([le16(0, 2, 0x1001), Buffer.alloc(32)]), 'wb1'],
    ['Quattro Pro for Windows 5', Buffer.concat([le16(0, 2, 0x1002), Buffer.alloc(32)]), 'wb2'],
    ['Excel 4 worksheet', Buffer.concat([le16(0x0409, 6, 0, 0x10, 0), Buffer.alloc(32)]), 'xls'],
    ['Write document', Buffer.concat([le16(0xbe31, 0, 0xab00), Buffer.alloc(128)]), 'wri'],
    ['AutoCAD drawing', 'AC1027\0\0\0\0\0', 'dwg'],
    ['EMF', emf, 'emf'],
    ['placeable WMF', h('d7cdc69a'), 'wmf'],
    ['CorelDRAW', Buffer.concat([Buffer.from('RIFF\0\0\0\0CDRAvrsn', 'latin1'), Buffer.alloc(16)]), 'cdr'],
    ['Photoshop large document', Buffer.concat([Buffer.from('8BPS\0\x02', 'latin1'), Buffer.alloc(32)]), 'psb'],
    ['7-Zip archive', h('377abcaf271c0004'), '7z'],
    // sfnt: version, numTables, searchRange (16 x the largest power of two <= numTables), ...
    ['TrueType font', Buffer.concat([h('00010000 000f 0080 0003 0070'), Buffer.alloc(32)]), 'ttf'],
    ['OpenType CFF font', Buffer.concat([Buffer.from('OTTO', 'latin1'), h('000c 0080 0003 0040'), Buffer.alloc(32)]), 'otf'],
    ['font collection', Buffer.concat([Buffer.from('ttcf', 'latin1'), h('00010000 00000004'), Buffer.alloc(32)]), 'ttc'],
    ['WOFF2 font', Buffer.concat([Buffer.from('wOF2', 'latin1'), Buffer.alloc(40)]), 'woff2'],
    ['dBASE III table', (() => {
      const b = Buffer.alloc(128)
      b.set([0x03, 124, 11, 28])
      b.writeUInt16LE(65, 8) // 32-byte header + one 32-byte field descriptor + the 0x0D terminator
      b.writeUInt16LE(11, 10)
      b.write('NAME', 32, 'latin1')
      b.write('C', 43, 'latin1')
      b[48] = 10
      b[64] = 0x0d
      return b
    })(), 'dbf'],
    ['QuickTime movie', h('00000020 66747970 71742020'), 'mov'], // size 32, 'ftyp', brand 'qt  '
    ['MPEG-4 video', h('00000018 66747970 6d703432'), 'mp4'], // brand 'mp42'
    ['JPEG 2000 image', h('0000000c 6a502020 0d0a870a'), 'jp2'],
    ['Embedded OpenType font', (() => { const b = Buffer.alloc(64); b.writeUInt32LE(0x00020001, 8); b.writeUInt16LE(0x504c, 34); return b })(), 'eot'],
  ]
  for (const [what, bytes, format] of cases) {
    it(`names a ${what} ${format}`, async () => {
      const r = await id(bytes)
      expect(r.format).toBe(format)
      expect(r.basis.length).toBeGreaterThan(0)
    })
  }

  it('keeps a PDF a PDF, but lets .ai name an Illustrator PDF, with a warning', async () => {
    expect((await id(pdf())).format).toBe('pdf')
    const ai = await id(pdf(), 'ai')
    expect(ai.format).toBe('ai')
    expect(ai.warnings.length).toBeGreaterThan(0)
  })

  it('does not take a Jet database or a bare 0x00010000 for a TrueType font', async () => {
    expect((await id(Buffer.concat([Buffer.from('\u0000\u0001\u0000\u0000Standard Jet DB\u0000', 'latin1'), Buffer.alloc(64)]))).format).toBe('mdb')
    expect((await id(Buffer.concat([h('00010000 0007 0070 0003 0040'), Buffer.alloc(32)]))).format).not.toBe('ttf') // searchRange wrong
  })

  it('names only WordPerfect documents wpd, not the other files behind the \\xFFWPC prefix, nor a truncated store', async () => {
    expect((await id(h('ff575043 1000 0000 010a 0200'), 'wpd')).format).toBe('wpd')
    const graphic = await id(h('ff575043 1000 0000 0116 0100'), 'wpg') // WordPerfect Graphics
    expect(graphic.format).not.toBe('wpd')
    expect((await id(Buffer.from('!BDN\0', 'latin1'), 'pst')).format).not.toBe('pst')
  })

  it('lets .doc name the Word for DOS twin of the Write header', async () => {
    expect((await id(Buffer.concat([le16(0xbe31, 0, 0xab00), Buffer.alloc(128)]), 'doc')).format).toBe('doc')
  })
})

describe('e-mail messages and UTF-16 text without a mark', () => {
  const mail = 'MIME-Version: 1.0\r\nDate: Wed, 16 Jul 2008 06:24:10 +0200\r\nFrom: a@example.org\r\nTo: b@example.org\r\nSubject: hello\r\n\r\nbody\r\n'
  it('reads a message saved from an mbox, its envelope line first', async () => {
    expect((await id(Buffer.from(`From a@example.org Wed Jul 16 06:24:10 2008\n${mail}`), 'eml')).format).toBe('eml')
  })
  it('reads messages whose first field is not a common one, or whose first fields are folded at length', async () => {
    const resent = 'Resent-From: Mary Smith <mary@x.test>\r\nResent-To: Jane Brown <j-brown@other.example>\r\nResent-Date: Mon, 24 Nov 1997 14:22:01 -0800\r\nFrom: John Doe <jdoe@machine.example>\r\nTo: Mary Smith <mary@example.net>\r\nSubject: Saying Hello\r\n\r\nhi\r\n'
    expect((await id(Buffer.from(resent), 'eml')).format).toBe('eml')
    const folded = `X-Long: a\r\n${' b\r\n'.repeat(20)}Received: by x\r\nFrom: a@b.c\r\nTo: c@d.e\r\nSubject: s\r\n\r\nbody\r\n`
    expect((await id(Buffer.from(folded), 'eml')).format).toBe('eml')
    expect((await id(Buffer.from('Note: a\nTodo: b\nplain words\n'), 'txt')).format).toBe('txt')
  })
  it('reads a web archive (MIME, multipart/related) that Word saved as a single file web page', async () => {
    const mht = 'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart_01D386B7"\r\n\r\nThis document is a Single File Web Page.\r\n'
    expect((await id(Buffer.from(mht), 'mht')).format).toBe('eml')
  })
  it('reads a message whose body is binary after its header block', async () => {
    const bytes = Buffer.concat([Buffer.from(`${mail.split('\r\n\r\n')[0]}\r\nContent-Transfer-Encoding: binary\r\n\r\n`), Buffer.from([0x78, 0x9f, 0x3e, 0x22, 0, 0, 1, 0])])
    expect((await id(bytes, 'eml')).format).toBe('eml')
  })
  it('reads UTF-16 text in either byte order without a byte-order mark', async () => {
    const le = Buffer.from(mail, 'utf16le')
    expect((await id(le, 'eml')).format).toBe('eml')
    expect((await id(Buffer.from(le).swap16(), 'eml')).format).toBe('eml')
  })
  it('does not take binary data with zero bytes for UTF-16', async () => {
    const binary = Buffer.alloc(512)
    for (let i = 0; i < 512; i += 2) binary[i] = (i * 37) % 256
    expect((await id(binary, 'bin')).format).toBe('unknown')
  })
})

describe('text formats', () => {
  const cases: Array<[string, string, string]> = [
    ['Visio 2003 XML drawing', '<?xml version="1.0" encoding="utf-8"?>\n<VisioDocument xmlns="http://schemas.microsoft.com/visio/2003/core" start="190" xml:space="preserve"><DocumentProperties/></VisioDocument>', 'vdx'],
    ['Word 2003 XML', '<?xml version="1.0"?>\n<?mso-application progid="Word.Document"?>\n<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"/>', 'wordml'],
    ['Excel 2003 XML without the PI', '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>', 'spreadsheetml'],
    ['flat ODF text', '<?xml version="1.0"?>\n<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:mimetype="application/vnd.oasis.opendocument.text"/>', 'fodt'],
    ['InDesign Interchange', '<?xml version="1.0"?>\n<?aid style="33" type="document" DOMVersion="5.0"?>\n<docu/>', 'inx'],
    ['SVG', '<?xml version="1.0"?>\n<!-- drawn by hand -->\n<svg xmlns="http://www.w3.org/2000/svg"/>', 'svg'],
    ['HTML', '<!DOCTYPE html>\n<html><body>x</body></html>', 'html'],
    ['other XML', '<?xml version="1.0"?>\n<catalog/>', 'xml'],
    ['EPS', '%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 8 8\n', 'eps'],
    ['PostScript Illustrator', '%!PS-Adobe-3.0\n%%Creator: Adobe Illustrator(R) 8.0\n%AI5_FileFormat 4.0\n', 'ai'],
    ['PostScript', '%!PS-Adobe-3.0\n%%Pages: 1\n', 'ps'],
    ['SYLK', 'ID;PWXL;N;E\nC;X1;Y1;K1\nE\n', 'slk'],
    ['Ami Pro', '[ver]\n\t4\n[sty]\n', 'sam'],
    ['DXF', '  0\nSECTION\n  2\nHEADER\n', 'dxf'],
    ['RTF', '{\\rtf1\\ansi hello}', 'rtf'],
    ['semicolon CSV', 'a;b;c\n1;2;3\n4;5;6\n', 'csv'],
    ['prose', 'Dear team,\nthe minutes follow.\nRegards\n', 'txt'],
    ['an e-mail message', 'Received: from mx.example.org\n\tby mail.example.org\nFrom: a@example.org\nTo: b@example.org\nSubject: minutes\n\nHello\n', 'eml'],
    ['a Markdown table (not CSV)', '| a | b |\n| - | - |\n| 1 | 2 |\n', 'txt'],
    ['Word Flat OPC (a whole package in one XML file)', '<?xml version="1.0"?>\n<?mso-application progid="Word.Document"?>\n<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage"><pkg:part pkg:name="/_rels/.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml"/><pkg:part pkg:name="/word/document.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></pkg:package>', 'docx-flat'],
    ['PowerPoint Flat OPC named by its progid only', '<?xml version="1.0"?>\n<?mso-application progid="PowerPoint.Show"?>\n<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage"><pkg:part pkg:name="/_rels/.rels"/></pkg:package>', 'pptx-flat'],
    ['an HTML fragment (not XML)', '<h1 id="t">Title</h1>\n<p>text<br>more</p>\n', 'html'],
    ['an XHTML-looking element after an XML declaration', '<?xml version="1.0"?>\n<table><row/></table>', 'xml'],
  ]
  for (const [what, text, format] of cases) {
    it(`names ${what} ${format}`, async () => expect((await id(text)).format).toBe(format))
  }

  it('reads text with control bytes where text tools leave them: an XML declaration, or a .csv name on delimited lines', async () => {
    const rows = '<Row><Cell><Data ss:Type="String">a cell</Data></Cell></Row>\n'.repeat(8)
    const nan = Buffer.concat([Buffer.from(`<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">${rows}<Data>0.nan`), Buffer.alloc(14), Buffer.from('</Data></Workbook>\n')])
    const sheet = await id(nan, 'xml')
    expect([sheet.format, sheet.warnings]).toEqual(['spreadsheetml', [`14 control byte(s) in the first ${nan.length} bytes of the text`]])
    const cells = Buffer.from('1,\x01,\x01\r\n2,\x02,\x02\r\n3,"\r","\n"\r\n', 'latin1')
    expect((await id(cells, 'csv')).format).toBe('csv')
    expect((await id(cells, 'bin')).format).toBe('unknown') // no name to break the tie
    expect((await id(Buffer.alloc(64, 1), 'csv')).format).toBe('unknown') // control bytes only
  })

  it('keeps an element named like HTML in a .xml file XML', async () => {
    expect((await id('<table><row/></table>\n', 'xml')).format).toBe('xml')
  })

  it('does not call a tab-delimited .txt misnamed (Excel saves "Text (Tab delimited)" as .txt)', async () => {
    const tabbed = await id('a\tb\tc\n1\t2\t3\n4\t5\t6\n', 'txt')
    expect([tabbed.format, tabbed.extensionMismatch]).toEqual(['csv', false])
    expect((await id('a\tb\tc\n1\t2\t3\n4\t5\t6\n', 'doc')).extensionMismatch).toBe(true)
  })

  it('lets .csv name a one-column CSV that bytes alone call text', async () => {
    expect((await id('=cmd|calc!A0\n', 'csv')).format).toBe('csv')
  })

  it('reads UTF-16 XML with a byte-order mark', async () => {
    const xml = '<?xml version="1.0" encoding="UTF-16"?><?mso-application progid="Excel.Sheet"?><Workbook/>'
    expect((await id(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]))).format).toBe('spreadsheetml')
  })
})

describe('signatures from other tools fixtures (file-type, filetype, DROID)', () => {
  const format = (head: Buffer) => {
    const hit = sniffMagic(head)
    return hit && 'format' in hit ? hit.format : undefined
  }
  const box = (size: number, type: string, rest: Buffer = Buffer.alloc(0)) => {
    const b = Buffer.alloc(8)
    b.writeUInt32BE(size)
    b.write(type, 4, 'latin1')
    return Buffer.concat([b, rest])
  }
  it('names QuickTime files without an ftyp box, and MPEG-4 by compatible brands and Adobe/iTunes brands', () => {
    expect(format(Buffer.concat([box(6391, 'moov', Buffer.from('\0\0\0\x6cmvhd', 'latin1')), Buffer.alloc(64)]))).toBe('mov')
    expect(format(Buffer.concat([box(731648, 'mdat'), Buffer.alloc(64, 0x11)]))).toBe('mov')
    const ftyp = (major: string, ...compatible: string[]) => Buffer.concat([box(16 + 4 * compatible.length, 'ftyp', Buffer.from(major + '\0\0\0\0' + compatible.join(''), 'latin1')), Buffer.alloc(32)])
    for (const brand of ['F4V ', 'F4A ', 'M4B ', 'M4P ', 'isom']) expect([brand, format(ftyp(brand))]).toEqual([brand, 'mp4'])
    expect(format(ftyp('M4A\0', '3gp5', 'isom'))).toBe('mp4')
    expect(format(ftyp('zzzz', 'yyyy'))).toBeUndefined()
  })
  it('names a V7 tar by its header checksum, and leaves JPEG-LS and a binary file opening with FF FE alone', () => {
    const header = Buffer.alloc(512)
    header.write('notes.txt', 0, 'latin1')
    header.write('0000644\0', 100, 'latin1')
    header.fill(32, 148, 156)
    let sum = 0
    for (const b of header) sum += b
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1')
    expect(format(Buffer.concat([header, Buffer.alloc(512)]))).toBe('tar')
    header[0] = 0x6d // the checksum no longer adds up
    expect(format(Buffer.concat([header, Buffer.alloc(512)]))).not.toBe('tar')
    expect(format(Buffer.from('ffd8fff70011080064006403', 'hex'))).toBe('unknown')
    const sketchUp = Buffer.concat([Buffer.from([0xff, 0xfe, 0xff, 0x0e]), Buffer.from('SketchUp Model', 'utf16le'), Buffer.from([0x85, 0xd1, 0x81, 0x95, 1, 0, 0, 0, 3, 0, 0, 0, 0x10, 0, 2, 0, 0, 0, 0, 0])])
    expect(sniffText(sketchUp, 'skp')?.format).toBeUndefined()
    expect(sniffText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('plain words, in UTF-16\n', 'utf16le')]), 'txt')?.format).toBe('txt')
  })
})
