// Quattro Pro 7/8 notebooks are a legacy generation; a Corel Presentations show sharing the stream name is not.
import {describe, expect, it} from 'vitest'
import {compoundFile} from '../../fixtures/builders/ole2.js'
import {openCfb} from '../../src/containers/cfb.js'
import {bufferSource} from '../../src/containers/source.js'
import {compoundFeatures} from '../../src/probes/ole2.js'

const ids = async (streams: Record<string, Buffer>) => {
  const cfb = await openCfb(bufferSource('f', compoundFile(streams)))
  return (await compoundFeatures(cfb, {deadline: Date.now() + 10_000, defaultPassword: true})).features.map((f) => f.id)
}
const quattroBof = Buffer.concat([Buffer.from([0, 0, 2, 0, 0x07, 0x10]), Buffer.alloc(64)])

describe('PerfectOffice_MAIN', () => {
  it('flags a Quattro Pro 7/8 notebook as pre97-binary', async () => {
    expect(await ids({PerfectOffice_MAIN: quattroBof})).toEqual(['pre97-binary'])
  })
  it('leaves a Corel Presentations show alone', async () => {
    expect(await ids({PerfectOffice_MAIN: quattroBof, 'SlideShow/Main': Buffer.alloc(8)})).toEqual([])
  })
})
