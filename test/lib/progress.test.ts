import {describe, expect, it} from 'vitest'
import {progressLine} from '../../src/lib/progress.js'

const fakeStream = (isTTY: boolean) => {
  const written: string[] = []
  return {written, stream: {isTTY, write: (s: string) => written.push(s)} as unknown as NodeJS.WriteStream}
}

describe('progress line', () => {
  it('draws files, rate and errors on a terminal', () => {
    const {written, stream} = fakeStream(true)
    const p = progressLine(stream)
    p.tick(false)
    p.tick(true)
    p.done()
    expect(written.join('')).toMatch(/2 files, \d+ files\/s, 1 errors/)
  })

  it('stays silent when stderr is not a terminal', () => {
    const {written, stream} = fakeStream(false)
    const p = progressLine(stream)
    p.tick(true)
    p.done()
    expect(written).toEqual([])
  })
})
