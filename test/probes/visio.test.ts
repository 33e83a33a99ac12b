import {describe, expect, it} from 'vitest'
import {compoundFile} from '../../fixtures/builders/ole2.js'
import {vbaStreams} from '../../fixtures/builders/vba.js'
import {visioDocument, vsd} from '../../fixtures/builders/visio.js'
import {inflateVisio, visioStorages} from '../../src/probes/visio.js'
import {probeBytes} from '../support/inspect.js'

const project = () => compoundFile(vbaStreams({ThisDocument: 'Attribute VB_Name = "ThisDocument"\r\nPrivate Sub Document_DocumentOpened(ByVal doc As IVDocument)\r\n  MsgBox "x"\r\nEnd Sub\r\n'}))

describe('Visio binary VBA probe', () => {
  it('inflates literals and back-references that reach into the ring', () => {
    // "abc" as literals, then a copy of 6 bytes from ring position 0 (stored as 4078: positions count from 18).
    const packed = Buffer.from([0b0000_0111, 0x61, 0x62, 0x63, 0xee, 0xf3])
    expect(inflateVisio(packed).toString('latin1')).toBe('abcabcabc')
  })

  it('finds a VBA project stored as compressed OLE pieces in the VisioDocument stream', async () => {
    const r = await probeBytes(vsd(visioDocument(project(), {pieceSize: 1000})), 'drawing.vsd')
    expect(r.ids).toEqual(['vba-macros'])
    expect(r.evidence['vba-macros']).toMatch(/^Visio OLE storage in VisioDocument: VBA project in \/: 1 module\(s\), 3 code line\(s\)/)
  })

  it('reads the Visio 5 pointer layout too', async () => {
    const r = await probeBytes(vsd(visioDocument(project(), {version: 5, pieceSize: 700})), 'old.vsd')
    expect(r.ids).toEqual(['vba-macros'])
  })

  it('reports nothing for a drawing without an OLE list, and ignores Visio 1-4 layouts', async () => {
    expect((await probeBytes(vsd(visioDocument(undefined)), 'plain.vsd')).ids).toEqual([])
    expect((await probeBytes(vsd(visioDocument(undefined, {version: 5})), 'plain5.vsd')).ids).toEqual([])
    expect(visioStorages(visioDocument(project(), {version: 4}))).toEqual([])
  })

  it('caps the bytes inflated when thousands of pointers share one compressed stream', () => {
    // An OLE list whose 4,000 "pieces" all point at the same 1 MiB compressed run (each inflating to ~8 MiB).
    const run = Buffer.concat(Array.from({length: 1 << 17}, () => Buffer.from([0x00, 0xee, 0xff, 0xee, 0xff, 0xee, 0xff, 0xee])))
    const doc = visioDocument(undefined)
    const at = doc.length
    const piece = Buffer.alloc(18)
    piece.writeUInt32LE(0x1f, 0)
    piece.writeUInt32LE(at, 8)
    piece.writeUInt32LE(run.length, 12)
    piece.writeUInt16LE(0x42, 16)
    const list = Buffer.concat([Buffer.from([4, 0, 0, 0]), Buffer.from(Uint32Array.of(4000).buffer), Buffer.alloc(4), ...Array.from({length: 4000}, () => piece)])
    const trailer = Buffer.concat([Buffer.from([4, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]), Buffer.alloc(18)])
    trailer.writeUInt32LE(0x0d, 12)
    trailer.writeUInt32LE(at + run.length, 12 + 8)
    trailer.writeUInt32LE(list.length, 12 + 12)
    trailer.writeUInt16LE(0x50, 12 + 16)
    const hostile = Buffer.concat([doc, run, list, trailer])
    hostile.writeUInt32LE(at + run.length + list.length, 0x24 + 8)
    hostile.writeUInt32LE(trailer.length, 0x24 + 12)
    const started = Date.now()
    expect(() => visioStorages(hostile)).toThrow(/more than 67108864 bytes inflated/)
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('survives a pointer past the end of the stream with a warning, not a crash', async () => {
    const doc = visioDocument(project())
    doc.writeUInt32LE(0x7fffffff, 0x24 + 8) // trailer offset
    const r = await probeBytes(vsd(doc), 'broken.vsd')
    expect(r.ids).toEqual([])
    expect(r.warnings.join(' ')).toMatch(/VisioDocument pointer tree is unreadable: Visio stream at 2147483647 runs past/)
  })
})

describe('Visio 2000/2002 pointer trees', () => {
  it('does not enter the colours stream Visio 6 marks as a pointer stream, and still finds the VBA', async () => {
    const r = await probeBytes(vsd(visioDocument(project(), {version: 6, coloursFormat: 0x52})), 'plan.vsd')
    expect(r.ids).toEqual(['vba-macros'])
    expect(r.warnings).toEqual([])
  })
  it('skips one unreadable pointer stream with a warning and walks the others', async () => {
    const r = await probeBytes(vsd(visioDocument(project(), {version: 6, brokenChild: true})), 'plan.vsd')
    expect(r.ids).toEqual(['vba-macros'])
    expect(r.warnings).toEqual([expect.stringMatching(/^1 VisioDocument pointer stream\(s\) unreadable, skipped \(pointer stream of type 0x15 at \d+ skipped: pointer list at 900000 lies outside the 32-byte stream\)/)])
  })
})
