// The key-stretching loops written in WebAssembly must give node:crypto's digest for every round count,
// or every default-password check on an encrypted package would silently fail.
import {createHash, randomBytes} from 'node:crypto'
import {describe, expect, it} from 'vitest'
import {stretch} from '../../src/containers/key-stretch.js'
import {sleb, uleb} from '../../src/lib/wasm.js'

function reference(algorithm: string, start: Buffer, rounds: number): Buffer {
  let h = start
  for (let i = 0; i < rounds; i++) {
    const counter = Buffer.alloc(4)
    counter.writeUInt32LE(i)
    h = createHash(algorithm).update(counter).update(h).digest()
  }
  return h
}

describe('key stretching', () => {
  for (const algorithm of ['sha1', 'sha512'] as const) {
    it(`${algorithm}: matches node:crypto round by round, including counters past one, two and three bytes`, () => {
      for (const rounds of [0, 1, 2, 255, 256, 257, 65_537, 16_777_217 - 16_777_000]) {
        const start = createHash(algorithm).update(randomBytes(16)).digest()
        expect(stretch(algorithm, start, rounds).toString('hex'), `${rounds} rounds`).toBe(reference(algorithm, start, rounds).toString('hex'))
      }
    })
  }

  it('matches for a start of all ones (every carry taken) and gives a fresh buffer each time', () => {
    const ones = Buffer.alloc(64, 0xff)
    const first = stretch('sha512', ones, 3)
    expect(first.toString('hex')).toBe(reference('sha512', ones, 3).toString('hex'))
    expect(stretch('sha1', Buffer.alloc(20, 0xff), 3).toString('hex')).toBe(reference('sha1', Buffer.alloc(20, 0xff), 3).toString('hex'))
    expect(stretch('sha512', ones, 3)).not.toBe(first)
  })
})

describe('WebAssembly encodings', () => {
  it('writes LEB128 as the specification does', () => {
    expect(uleb(0)).toEqual([0])
    expect(uleb(624_485)).toEqual([0xe5, 0x8e, 0x26])
    expect(sleb(-123_456)).toEqual([0xc0, 0xbb, 0x78])
    expect(sleb(63)).toEqual([0x3f])
    expect(sleb(64)).toEqual([0xc0, 0x00])
    expect(sleb(-64)).toEqual([0x40])
    expect(sleb(-(2n ** 63n))).toHaveLength(10)
  })
})
