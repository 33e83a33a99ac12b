import {closeSync, mkdtempSync, openSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, describe, expect, it, vi} from 'vitest'
import {adviseRandom, readaheadAdviceAvailable} from '../../src/lib/readahead.js'

const dir = mkdtempSync(path.join(tmpdir(), 'passerelle-readahead-'))
const file = path.join(dir, 'f.bin')
writeFileSync(file, Buffer.alloc(64 * 1024, 1))

describe.runIf(process.platform === 'linux')('readahead advice (native/readahead.c)', () => {
  it('is built by npm ci and loaded', () => {
    expect(readaheadAdviceAvailable).toBe(true)
  })

  it('is taken for an open file and refused for a descriptor that is not open', () => {
    const fd = openSync(file, 'r')
    try {
      expect(adviseRandom(fd)).toBe(true)
    } finally {
      closeSync(fd)
    }
    expect(adviseRandom(fd)).toBe(false) // EBADF once closed: the call reaches the kernel
    expect(() => adviseRandom('x' as unknown as number)).toThrow(/fd must be a number/)
  })
})

describe('sources', () => {
  afterEach(() => {
    vi.doUnmock('../../src/lib/readahead.js')
    vi.resetModules()
  })

  it('give the advice on every file they open, async and blocking', async () => {
    const advised: number[] = []
    vi.resetModules()
    vi.doMock('../../src/lib/readahead.js', () => ({readaheadAdviceAvailable: true, adviseRandom: (fd: number) => advised.push(fd) > 0}))
    const {openSource} = await import('../../src/containers/source.js')
    const {openSourceSync} = await import('../../src/containers/sync-source.js')
    const a = await openSource(file)
    const b = openSourceSync(file)
    expect(advised).toHaveLength(2)
    expect((await a.read(40_000, 4)).length).toBe(4)
    expect((await b.read(40_000, 4)).length).toBe(4)
    await a.close()
    await b.close()
  })
})
