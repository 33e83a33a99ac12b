import {deflateSync} from 'node:zlib'
import {describe, expect, it} from 'vitest'
import {isDict, parseValue, readPdf} from '../../src/containers/pdf.js'
import {pdf} from '../../fixtures/builders/pdf.js'

describe('PDF object reader', () => {
  it('parses dictionaries, arrays, references, names with #xx escapes and literal strings', () => {
    const v = parseValue('<< /A [1 0 R 2.5 /N#20x (a\\(b\\)\\101) <48 69>] /B true >>')
    expect(v).toEqual({d: {A: [{r: 1, g: 0}, 2.5, {n: 'N x'}, {s: 'a(b)A'}, {s: 'Hi'}], B: true}})
  })

  it('reads objects inside compressed object streams', () => {
    const inner = '10 0 11 20 << /Type /Catalog >> << /XFA 5 0 R >>'
    const stream = deflateSync(Buffer.from(inner))
    const doc = readPdf(pdf([`<< /Type /ObjStm /N 2 /First 11 /Filter /FlateDecode /Length ${stream.length} >>`], [stream]))
    expect(doc.objects.get('10 0')).toEqual({d: {Type: {n: 'Catalog'}}})
    expect(doc.objects.get('11 0')).toEqual({d: {XFA: {r: 5, g: 0}}})
  })

  it('resolves reference loops to nothing instead of spinning', () => {
    const doc = readPdf(pdf(['2 0 R', '1 0 R']))
    expect(doc.resolve({r: 1, g: 0})).toBeUndefined()
  })

  it('survives nesting bombs and unterminated structures with a warning', () => {
    const doc = readPdf(pdf(['['.repeat(100_000), '<< /A (unterminated']))
    expect(doc.warnings.join(' ')).toMatch(/nest too deeply/)
  })

  it('caps inflation of a compression bomb', () => {
    const bomb = deflateSync(Buffer.alloc(50 * 1024 * 1024))
    const doc = readPdf(pdf([`<< /Type /Metadata /Subtype /XML /Filter /FlateDecode /Length ${bomb.length} >>`], [bomb]), {maxInflate: 1024 * 1024})
    const meta = doc.objects.get('1 0')
    expect(isDict(meta) && doc.streamData(meta)).toBeFalsy()
  })
})
