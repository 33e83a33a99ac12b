// The written-out SHA-1 spin must give node:crypto's digest for every round count, or every default-
// password check on a SHA-1 package would silently fail.
import {createHash, randomBytes} from 'node:crypto'
import {describe, expect, it} from 'vitest'
import {sha1Spin} from '../../src/containers/sha1-spin.js'

function reference(start: Buffer, rounds: number): Buffer {
  let h = start
  for (let i = 0; i < rounds; i++) {
    const counter = Buffer.alloc(4)
    counter.writeUInt32LE(i)
    h = createHash('sha1').update(counter).update(h).digest()
  }
  return h
}

describe('SHA-1 spin', () => {
  it('matches node:crypto round by round, including counters past one byte and two bytes', () => {
    for (const rounds of [0, 1, 2, 255, 256, 257, 65_537]) {
      const start = createHash('sha1').update(randomBytes(16)).digest()
      expect(sha1Spin(start, rounds).toString('hex')).toBe(reference(start, rounds).toString('hex'))
    }
  })
})
