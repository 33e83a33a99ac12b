// Apple iWork bundles: 2013+ documents by the root object type in Index/Document.iwa (Snappy-compressed
// protobuf), zipped bundle folders by their name; names alone (CalculationEngine, Tables) do not decide.
import {zipSync} from 'fflate'
import {describe, expect, it} from 'vitest'
import {bufferSource} from '../../src/containers/source.js'
import {firstMessageType} from '../../src/containers/iwa.js'
import {identify} from '../../src/identify/identify.js'

const varint = (n: number) => {
  const out: number[] = []
  for (; n >= 0x80; n = Math.floor(n / 128)) out.push((n & 0x7f) | 0x80)
  return [...out, n]
}
// An .iwa chunk whose first ArchiveInfo declares object 1 of the given type, as one Snappy literal run
// followed by a back-reference (so both element kinds are decoded).
function iwa(type: number): Buffer {
  const info = [0x08, 0x01, 0x12, ...varint(2 + varint(type).length), 0x08, ...varint(type)]
  const message = [...varint(info.length), ...info, 0x41, 0x42, 0x43, 0x44]
  const snappy = [...varint(message.length + 4), (message.length - 1) << 2, ...message, 0x01 | (0 << 2), 4] // copy 4 bytes from 4 back
  return Buffer.from([0, snappy.length & 0xff, (snappy.length >> 8) & 0xff, 0, ...snappy])
}
const bundle = (files: Record<string, Uint8Array>) => Buffer.from(zipSync(files))
const id = async (bytes: Buffer, ext: string) => identify(bufferSource(`f.${ext}`, bytes), ext)

describe('iWork 2013+ bundles', () => {
  it('reads the root object type of a Document.iwa', () => {
    expect(firstMessageType(iwa(10000))).toBe(10000)
    expect(firstMessageType(iwa(1))).toBe(1)
    expect(firstMessageType(Buffer.from('not an iwa at all'))).toBeUndefined()
  })

  it('tells Pages from Numbers by the root object, not by table or formula archives', async () => {
    const common = {'Index/CalculationEngine.iwa': iwa(4), 'Index/Tables/DataList.iwa': iwa(6005), 'Metadata/Properties.plist': new Uint8Array(8)}
    const pages = await id(bundle({'Index/Document.iwa': iwa(10000), ...common}), '')
    expect(pages.format).toBe('pages')
    expect(pages.basis.join(' ')).toMatch(/type 10000/)
    expect((await id(bundle({'Index/Document.iwa': iwa(1), ...common}), '')).format).toBe('numbers')
    expect((await id(bundle({'Index/Document.iwa': iwa(1), 'Index/Slide.iwa': iwa(5)}), '')).format).toBe('key')
  })

  it('names a zipped bundle folder by its name', async () => {
    const zipped = bundle({'Presentation.key/Index.zip': new Uint8Array(16), 'Presentation.key/Metadata/Properties.plist': new Uint8Array(8)})
    expect((await id(zipped, 'key')).format).toBe('key')
    expect((await id(zipped, 'zip')).format).toBe('key')
  })
})
