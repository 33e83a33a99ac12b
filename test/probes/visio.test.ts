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

  it('survives a pointer past the end of the stream with a warning, not a crash', async () => {
    const doc = visioDocument(project())
    doc.writeUInt32LE(0x7fffffff, 0x24 + 8) // trailer offset
    const r = await probeBytes(vsd(doc), 'broken.vsd')
    expect(r.ids).toEqual([])
    expect(r.warnings.join(' ')).toMatch(/VisioDocument pointer tree is unreadable: Visio stream at 2147483647 runs past/)
  })
})
