import {describe, expect, it} from 'vitest'
import {pdf, pdfObjectStream} from '../../fixtures/builders/pdf.js'
import {openPdf, type PdfSource} from '../../src/containers/pdf-open.js'
import {makeSieve} from '../../src/containers/pdf-sieve.js'
import {isDict, readPdf} from '../../src/containers/pdf.js'
import {probeBytes} from '../support/inspect.js'

const sieve = makeSieve({words: ['JS', 'JavaScript'], pairs: [['Type', 'Font']]})
// Bytes behind the Source shape, counting what is read.
function counted(bytes: Buffer): PdfSource & {bytesRead: number} {
  const s = {size: bytes.length, head: bytes.subarray(0, 4096), bytesRead: 4096, read: async (o: number, l: number) => {
    s.bytesRead += Math.min(l, bytes.length - o)
    return bytes.subarray(o, o + l)
  }}
  return s
}

describe('PDF through its xref', () => {
  it('reads the dictionaries, not the stream bodies, of a big file and finds what a scan finds', async () => {
    const image = Buffer.alloc(2 * 1024 * 1024, 0x41)
    const bytes = pdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>', `<< /Type /XObject /Subtype /Image /Length ${image.length} >>`, '<< /Type /Font /BaseFont /Arial >>', '<< /S /JavaScript /JS (x) >>'], [undefined, undefined, image])
    const src = counted(bytes)
    const doc = await openPdf(src, sieve)
    expect(src.bytesRead).toBeLessThan(40_000)
    expect([...doc!.objects.keys()]).toEqual(['4 0', '5 0']) // only what the sieve keeps is parsed up front
    expect(doc!.resolve({r: 1, g: 0})).toEqual(readPdf(bytes).objects.get('1 0')) // the rest on demand
    expect(doc!.resolve({r: 1, g: 7})).toBeUndefined() // generation must match
  })

  it('reads xref streams with the PNG predictor and objects inside object streams', async () => {
    const bytes = pdfObjectStream(['<< /Type /Catalog /AcroForm 3 0 R >>', '<< /Producer (W) >>'], ['<< /Fields [] /XFA 2 0 R >>', '<< /Type/Font /BaseFont /Calibri >>'], '/Root 1 0 R /Info 2 0 R')
    const doc = await openPdf(counted(bytes), sieve)
    expect(doc?.trailer.Info).toEqual({r: 2, g: 0})
    const form = doc!.resolve({r: 3, g: 0})
    expect(isDict(form) && form.d.XFA).toEqual({r: 2, g: 0})
    expect([...doc!.objects.keys()]).toEqual(['4 0'])
    const r = await probeBytes(bytes, 'x.pdf')
    expect(r.ids).toEqual(['xfa'])
    expect(r.metadata).toMatchObject({producer: 'W', fonts: [{name: 'Calibri'}]})
  })

  it('gives up on an xref that lies, loops or misses an appended update, and the probe then scans the file', async () => {
    const good = pdf(['<< /Type /Catalog >>', '<< /S /JavaScript /JS (x) >>'])
    const lying = Buffer.from(good.toString('latin1').replace(/(\d{10}) 00000 n/, (_, o: string) => `${String(Number(o) + 2).padStart(10, '0')} 00000 n`), 'latin1')
    expect(await openPdf(counted(lying), sieve)).toBeUndefined()
    const looping = Buffer.from(good.toString('latin1').replace('/Root 1 0 R', `/Root 1 0 R /Prev ${good.lastIndexOf('xref')}`), 'latin1')
    expect(await openPdf(counted(looping), sieve)).toBeUndefined()
    expect((await probeBytes(lying, 'l.pdf')).ids).toEqual(['pdf-javascript'])
    expect((await probeBytes(looping, 'c.pdf')).ids).toEqual(['pdf-javascript'])
    // An update appended after the last startxref whose own xref was cut off: only a scan sees it.
    const cut = Buffer.concat([pdf(['<< /Type /Catalog >>']), Buffer.from('2 0 obj\n<< /S /Launch /F (x) >>\nendobj\n')])
    expect(await openPdf(counted(cut), sieve)).toBeUndefined()
    expect((await probeBytes(cut, 'u.pdf')).ids).toEqual(['launch-action'])
  })

  it('sieves without missing names spelled with #xx escapes or hidden behind a string that says stream', async () => {
    const bytes = pdf(['<< /Type /Catalog >>', '<< /T (a stream endobj) /S /J#61vaScript /J#53 (x) >>', '<< /T (x) /Subtype /FileAttachment /FS << /Type /Filespec /F (a.txt) /EF << /F 9 0 R >> >> >>', '<< /Type /Font >> endobj << /JS (not this object) >>'])
    const doc = await openPdf(counted(bytes), makeSieve({words: ['JS', 'JavaScript', 'FileAttachment']}))
    expect([...doc!.objects.keys()]).toEqual(['2 0', '3 0'])
    expect((await probeBytes(bytes, 's.pdf')).ids).toEqual(['attachments', 'pdf-javascript'])
  })

  it('reads the whole of a big dictionary whose wanted name comes first, in a big file', async () => {
    const pad = Array.from({length: 2000}, (_, i) => `/K${i} ${i}`).join(' ')
    const bytes = pdf(['<< /Type /Catalog >>', `<< /S /JavaScript ${pad} /Last (end) >>`, '<< /Length 100000 >>'], [undefined, undefined, Buffer.alloc(100_000)])
    const doc = await openPdf(counted(bytes), sieve)
    const v = doc!.objects.get('2 0')
    expect(isDict(v) && v.d.Last).toEqual({s: 'end'})
  })
})

describe('cached PDF reads', () => {
  it('never reads a byte twice and joins what it holds with what it reads', async () => {
    const {cachedReader, ReadCapError} = await import('../../src/containers/pdf-reads.js')
    const bytes = Buffer.from(Array.from({length: 1000}, (_, i) => i % 251))
    const asked: Array<[number, number]> = []
    const read = cachedReader(async (o, l) => (asked.push([o, l]), bytes.subarray(o, o + l)), bytes.length, bytes.subarray(0, 100), 2000)
    expect(await read(900, 100)).toEqual(bytes.subarray(900, 1000))
    expect(await read(50, 900)).toEqual(bytes.subarray(50, 950))
    expect(await read(0, 5000)).toEqual(bytes)
    expect(asked).toEqual([[900, 100], [100, 800]])
    const capped = cachedReader(async (o, l) => bytes.subarray(o, o + l), bytes.length, Buffer.alloc(0), 10)
    await expect(capped(0, 11)).rejects.toBeInstanceOf(ReadCapError)
  })
})
