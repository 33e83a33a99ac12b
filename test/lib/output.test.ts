// Buffered NDJSON output: few writes for many lines, nothing lost, and a lone line still goes out soon.
import {afterEach, describe, expect, it, vi} from 'vitest'
import {lineWriter} from '../../src/lib/output.js'

afterEach(() => vi.restoreAllMocks())

describe('lineWriter', () => {
  it('joins many short lines into few writes and loses none', async () => {
    const chunks: string[] = []
    vi.spyOn(process.stdout, 'write').mockImplementation((text) => (chunks.push(String(text)), true))
    const out = lineWriter(1000, 1024)
    for (let i = 0; i < 1000; i++) await out.write(`{"n":${i}}\n`)
    await out.flush()
    const lines = chunks.join('').trim().split('\n')
    expect(lines).toHaveLength(1000)
    expect(lines[999]).toBe('{"n":999}')
    expect(chunks.length).toBeLessThan(20)
  })

  it('writes a waiting line once its time is up, without a flush', async () => {
    const chunks: string[] = []
    vi.spyOn(process.stdout, 'write').mockImplementation((text) => (chunks.push(String(text)), true))
    const out = lineWriter(20)
    await out.write('{"alone":true}\n')
    expect(chunks).toEqual([])
    await new Promise((r) => setTimeout(r, 80))
    expect(chunks).toEqual(['{"alone":true}\n'])
  })
})
