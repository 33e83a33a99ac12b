import {describe, expect, it} from 'vitest'
import {decompressOvba, parseDir} from '../../src/probes/ovba.js'
import {compressLiterals, dirStream} from '../../fixtures/builders/vba.js'

describe('MS-OVBA decompression', () => {
  it('decodes the worked example of [MS-OVBA] 3.2.3 (copy tokens included)', () => {
    const compressed = Buffer.from('012fb00023616161626364658266007061676869 6a0138086 16b6c00306d6e6f70067102700410727374757610 7778797a003c'.replace(/\s/g, ''), 'hex')
    expect(decompressOvba(compressed).toString('latin1')).toBe('#aaabcdefaaaaghijaaaaaklaaamnopqaaaaaaaaaaaarstuvwxyzaaa')
  })

  it('round-trips the literal-only containers the fixtures build, across chunk boundaries', () => {
    const text = 'Attribute VB_Name = "M"\r\n'.repeat(400)
    expect(decompressOvba(compressLiterals(Buffer.from(text))).toString('latin1')).toBe(text)
  })

  it('caps the output and refuses data that is not a container', () => {
    expect(decompressOvba(compressLiterals(Buffer.alloc(20_000, 0x41)), 5000).length).toBe(5000)
    expect(() => decompressOvba(Buffer.from([0x02, 0x00]))).toThrow(/not an MS-OVBA/)
  })

  it('reads module names, streams and offsets from a dir stream, skipping PROJECTVERSION\'s odd size', () => {
    const {modules} = parseDir(dirStream([{name: 'Module1', offset: 0}, {name: 'ThisDocument', offset: 12}]))
    expect(modules).toEqual([{name: 'Module1', stream: 'Module1', offset: 0}, {name: 'ThisDocument', stream: 'ThisDocument', offset: 12}])
  })
})
