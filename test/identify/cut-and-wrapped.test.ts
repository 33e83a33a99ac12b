// Files cut short, files inside other containers, and class ids, from sweeps of other identification
// tools' fixtures (file-type, mimetype, DROID).
import {randomBytes} from 'node:crypto'
import {describe, expect, it} from 'vitest'
import {compoundFile, wordStream} from '../../fixtures/builders/ole2.js'
import {zipOf} from '../../fixtures/builders/zip.js'
import {pdf} from '../../fixtures/builders/pdf.js'
import {bufferSource} from '../../src/containers/source.js'
import {identify} from '../../src/identify/identify.js'

const id = (bytes: Buffer, ext = '') => identify(bufferSource(`f.${ext}`, bytes), ext)

describe('a compound file cut short', () => {
  it('is named from the directory entries before the cut, with the error truncated', async () => {
    // A Word file whose streams run past 4 KiB, cut at 4 KiB as mail filters and broken copies do.
    const whole = compoundFile({WordDocument: wordStream({size: 20_000}), '1Table': Buffer.alloc(9000, 1), Data: Buffer.alloc(9000, 2)})
    const cut = await id(whole.subarray(0, 4096), 'doc')
    expect([cut.format, cut.error?.code]).toEqual(['doc', 'truncated'])
    expect(cut.error?.message).toMatch(/cut short/)
    // The same file whole has no error; a chain that leaves a whole file is damage, not a cut.
    expect((await id(whole, 'doc')).error).toBeUndefined()
    const damaged = Buffer.from(whole)
    const fat = (damaged.readUInt32LE(0x4c) + 1) * 512
    damaged.writeUInt32LE(0x7ffff, fat + damaged.readUInt32LE(0x30) * 4) // the directory's next sector: far past the end
    const broken = await id(damaged, 'doc')
    expect(broken.error?.code).toBe('corrupt-container')
  })

  it('names a Windows Installer package by its root class id {000C1084-…}', async () => {
    const bytes = Buffer.from(compoundFile({'\u4840\u3f3f\u4577': Buffer.alloc(600)}))
    const root = (bytes.readUInt32LE(0x30) + 1) * 512
    Buffer.from('84100c0000000000c000000000000046', 'hex').copy(bytes, root + 80)
    expect((await id(bytes, 'msi')).format).toBe('msi')
  })
})

describe('a PDF header past offset 0', () => {
  const doc = pdf(['<< /Type /Catalog >>'])
  it('is a PDF behind text or a Macintosh wrapper, not inside another archive or a text that mentions it', async () => {
    expect((await id(Buffer.concat([Buffer.from('Some junk before the header\r\n'), doc]), 'pdf')).format).toBe('pdf')
    const appleSingle = Buffer.concat([Buffer.from([0, 5, 0x16, 0, 0, 2, 0, 0]), Buffer.alloc(60), doc])
    expect((await id(appleSingle, 'pdf')).format).toBe('pdf')
    const rar = Buffer.concat([Buffer.from('Rar!\x1a\x07\x00', 'latin1'), Buffer.alloc(40, 0), Buffer.from('doc.pdf'), doc])
    expect((await id(rar, 'rar')).format).toBe('rar')
    const ar = Buffer.concat([Buffer.from('!<arch>\ndoc.pdf/        0           0     0     644     400       `\n', 'latin1'), doc])
    expect((await id(ar, 'a')).format).toBe('ar')
    // Binary bytes before the header: not taken for a header, though the objects still say PDF, with a warning.
    const binary = await id(Buffer.concat([Buffer.from([1, 0, 0, 7, 0, 0]), doc]), 'bin')
    expect(binary.basis.join(' ')).toMatch(/without a valid %PDF- header/)
    expect(binary.warnings).toContain('the %PDF- header is missing or malformed')
    expect((await id(Buffer.from('{"path":"a.pdf","basis":["%PDF- header at 0"]}\n'), 'ndjson')).format).not.toBe('pdf')
  })
})

describe('a ZIP whose end record is there but whose offsets are not', () => {
  it('is damaged, not truncated', async () => {
    const bytes = Buffer.from(zipOf({'a.txt': 'hello'}))
    const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
    bytes.writeUInt32LE(0x20202020, eocd + 16) // the central directory's offset, as a NUL-to-space mangling leaves it
    const r = await id(bytes, 'zip')
    expect([r.format, r.error?.code]).toEqual(['zip', 'corrupt-container'])
  })
})

describe('a ZIP package cut short (no central directory)', () => {
  const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument'
  const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}" Target="ppt/presentation.xml"/></Relationships>`
  const types = '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/></Types>'
  // Streamed writers put [Content_Types].xml last and give sizes in data descriptors: patch the first
  // local header to say so (flag bit 3, sizes zero), then cut before the content types.
  const cutPackage = () => {
    const whole = Buffer.from(zipOf({'_rels/.rels': rels, 'ppt/presentation.xml': '<p:presentation/>', 'ppt/slides/slide1.xml': 'x'.repeat(5000), '[Content_Types].xml': types}))
    whole.writeUInt16LE(whole.readUInt16LE(6) | 8, 6)
    whole.writeUInt32LE(0, 18)
    whole.writeUInt32LE(0, 22)
    return whole.subarray(0, whole.indexOf('[Content_Types].xml') - 20)
  }

  it('is named from its local headers, the main part giving the family and the extension the member', async () => {
    const r = await id(cutPackage(), 'pptx')
    expect([r.format, r.error?.code]).toEqual(['pptx', 'truncated'])
    expect(r.basis.join(' ')).toMatch(/local headers before the cut/)
    expect((await id(cutPackage(), 'ppsx')).format).toBe('ppsx')
  })

  it('stays zip when what lies before the cut names nothing', async () => {
    const plain = Buffer.from(zipOf({'a.txt': randomBytes(6000).toString('base64'), 'b.txt': 'b'}))
    const r = await id(plain.subarray(0, 3000), 'zip')
    expect([r.format, r.error?.code]).toEqual(['zip', 'truncated'])
  })
})
