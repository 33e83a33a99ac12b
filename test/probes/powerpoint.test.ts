// PowerPoint binary: the probe follows Current User → UserEditAtom → persist directory to the
// DocumentContainer and the VBA project's storage, and reads little else of the stream; when the chain is
// broken it walks the whole stream and finds the same features.
import {deflateSync} from 'node:zlib'
import {describe, expect, it} from 'vitest'
import {compoundFile, pptRecord} from '../../fixtures/builders/ole2.js'
import {vbaProjectBin} from '../../fixtures/builders/vba.js'
import {probeReads} from '../support/inspect.js'

const u32 = (...v: number[]) => Buffer.from(new Uint32Array(v).buffer)

function presentation(options: {brokenChain?: boolean} = {}) {
  const project = vbaProjectBin({Module1: 'Attribute VB_Name = "Module1"\r\nSub AutoOpen()\r\nMsgBox 1\r\nEnd Sub\r\n'})
  const storage = pptRecord(0x0010, 0x1011, Buffer.concat([u32(project.length), deflateSync(project)])) // instance 1: compressed
  const vbaInfo = pptRecord(0x000f, 0x03ff, pptRecord(0x0002, 0x0400, u32(2, 1, 2)))
  const objects = pptRecord(0x000f, 0x0409, pptRecord(0x000f, 0x0fcc, Buffer.alloc(24)))
  const document = pptRecord(0x000f, 0x03e8, Buffer.concat([objects, pptRecord(0x000f, 0x07d0, vbaInfo)]))
  const slides = pptRecord(0x000f, 0x03ee, pptRecord(0x0000, 0x0fba, Buffer.alloc(400_000, 0x20))) // a slide holding a long text atom
  const storageAt = document.length + slides.length
  const directoryAt = storageAt + storage.length
  const directory = pptRecord(0x0000, 0x1772, u32((2 << 20) | 1, 0, storageAt))
  const editAt = directoryAt + directory.length
  const edit = pptRecord(0x0000, 0x0ff5, Buffer.concat([u32(0), Buffer.from([0, 0, 0, 3]), u32(0, directoryAt, 1, 3), Buffer.alloc(4)]))
  const stream = Buffer.concat([document, slides, storage, directory, edit])
  const user = Buffer.concat([pptRecord(0x0000, 0x0ff6, Buffer.concat([u32(20, 0xe391c05f, options.brokenChain ? editAt + 3 : editAt), Buffer.alloc(8)]))])
  return {bytes: compoundFile({'PowerPoint Document': stream, 'Current User': user}), size: stream.length}
}

const run = (bytes: Buffer) => probeReads(bytes, 'deck.ppt')

describe('PowerPoint probe', () => {
  it('reads the DocumentContainer and the VBA storage through the persist directory', async () => {
    const {bytes, size} = presentation()
    const r = await run(bytes)
    expect(r.ids).toEqual(['ole-embedded', 'vba-autoexec', 'vba-macros'])
    expect(r.read).toBeLessThan(0.1 * size)
  })
  it('walks the whole stream when the edit chain is broken, with the same findings', async () => {
    const {bytes, size} = presentation({brokenChain: true})
    const r = await run(bytes)
    expect(r.ids).toEqual(['ole-embedded', 'vba-autoexec', 'vba-macros'])
    expect(r.read).toBeGreaterThan(size)
  })
})
