// RTF control words count only when their backslash is not itself escaped: a document that writes about
// them (the RTF specification does) holds no object, link or DDE field.
import {describe, expect, it} from 'vitest'
import {plainFeatures} from '../../src/probes/plain.js'

const ids = async (rtf: string) => {
  const bytes = Buffer.from(rtf, 'latin1')
  return (await plainFeatures(bytes.subarray(0, 4096), async () => bytes)).map((f) => f.id)
}

describe('RTF features', () => {
  it('finds embedded and linked objects and DDE fields', async () => {
    expect(await ids(String.raw`{\rtf1 {\object\objemb\objw100{\*\objclass Excel.Sheet.8}{\*\objdata 01050000}}}`)).toEqual(['ole-embedded'])
    expect(await ids(String.raw`{\rtf1 {\object\objlink{\*\objdata 0105}}}`)).toEqual(['ole-embedded', 'external-links'])
    expect(await ids(String.raw`{\rtf1 {\field{\*\fldinst DDEAUTO excel "C:\\a.xls" "R1C1"}{\fldrslt x}}}`)).toEqual(['dde'])
    expect(await ids(String.raw`{\rtf1 a literal backslash then a link: \\\objlink}`)).toEqual(['external-links'])
    expect(await ids(String.raw`{\rtf1 {\object\objautlink\rsltpict{\*\objclass Word.Document.8}}}`)).toEqual(['external-links'])
  })

  it('ignores control words written as text (escaped backslashes)', async () => {
    expect(await ids(String.raw`{\rtf1 {\b \\object}{ (<objtype> & <objmod>?) } {\b \\objdata} {\b \\objlink} \\objemb}`)).toEqual([])
    expect(await ids(String.raw`{\rtf1 the \\fldinst DDEAUTO example in the text}`)).toEqual([])
  })
})

describe('legacy spreadsheet generations', () => {
  const bof = (length: number, version: number) => Buffer.concat([Buffer.from([0, 0, length, 0, version & 0xff, version >> 8]), Buffer.alloc(64)])
  it('flags every Lotus 1-2-3 and Quattro Pro BOF generation as pre97-binary', async () => {
    for (const head of [Buffer.concat([Buffer.from([0xff, 0, 2, 0, 4, 4]), Buffer.alloc(64)]), bof(2, 0x0406), bof(0x1a, 0x1000), bof(0x1a, 0x1002), bof(0x1a, 0x1003), bof(2, 0x5121), bof(2, 0x1001), bof(2, 0x1002)]) {
      expect((await plainFeatures(head, async () => head)).map((f) => f.id)).toEqual(['pre97-binary'])
    }
    expect(await plainFeatures(bof(0x1a, 0x0406), async () => bof(0x1a, 0x0406))).toEqual([])
  })
})

describe('stand-alone BIFF streams', () => {
  const biff = (version: number, substream: number, extra: Buffer = Buffer.alloc(0)) => {
    const bof = Buffer.alloc(10)
    bof.writeUInt16LE(0x0809, 0)
    bof.writeUInt16LE(6, 2)
    bof.writeUInt16LE(version, 4)
    bof.writeUInt16LE(substream, 6)
    return Buffer.concat([bof, extra, Buffer.from([0x0a, 0, 0, 0])])
  }
  it('calls a bare BIFF5 BOF outside OLE2 pre-97 and walks its records (a macro sheet here)', async () => {
    for (const version of [0x0000, 0x0500]) {
      const bytes = biff(version, 0x0040)
      const features = await plainFeatures(bytes, async () => bytes)
      expect(features.map((f) => f.id)).toEqual(['pre97-binary', 'xlm-macros'])
      expect(features[0]!.evidence).toBe(`Excel stand-alone BIFF stream (BOF 0x0809, version 0x${version.toString(16).padStart(4, '0')})`)
    }
  })
  it('leaves a stand-alone stream that declares BIFF8 alone', async () => {
    const bytes = biff(0x0600, 0x0010)
    expect(await plainFeatures(bytes, async () => bytes)).toEqual([])
  })
})
