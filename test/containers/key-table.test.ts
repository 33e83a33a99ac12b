// Derived keys in shared memory: what one thread stores, another reads; bad input is ignored.
import {createHash} from 'node:crypto'
import {describe, expect, it} from 'vitest'
import {createKeyTable} from '../../src/containers/key-table.js'

const id = (s: string) => createHash('sha256').update(s).digest()

describe('the shared key table', () => {
  it('hands a stored value to every table over the same buffer', () => {
    const writer = createKeyTable()
    const reader = createKeyTable(writer.buffer)
    const value = Buffer.alloc(64, 9)
    expect(reader.get(id('salt-1'))).toBeUndefined()
    writer.set(id('salt-1'), value)
    expect(reader.get(id('salt-1'))).toEqual(value)
    expect(reader.get(id('salt-2'))).toBeUndefined()
  })

  it('returns copies, ignores ids of the wrong size, and stops remembering when full', () => {
    const table = createKeyTable()
    table.set(id('a'), Buffer.alloc(20, 1))
    table.get(id('a'))!.fill(0)
    expect(table.get(id('a'))).toEqual(Buffer.alloc(20, 1))
    table.set(Buffer.alloc(5), Buffer.alloc(20))
    for (let i = 0; i < 2000; i++) table.set(id(`k${i}`), Buffer.alloc(20, i % 256))
    const kept = Array.from({length: 2000}, (_, i) => table.get(id(`k${i}`))).filter(Boolean)
    expect(kept.length).toBeGreaterThan(400)
    expect(kept.length).toBeLessThanOrEqual(512)
    expect(table.get(id('a'))).toEqual(Buffer.alloc(20, 1))
  })
})
