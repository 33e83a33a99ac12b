// Quattro Pro 7/8 notebooks are a legacy generation; a Corel Presentations show sharing the stream name is not.
import {describe, expect, it} from 'vitest'
import {compoundFile} from '../../fixtures/builders/ole2.js'
import {probeBytes} from '../support/inspect.js'

const quattroBof = Buffer.concat([Buffer.from([0, 0, 2, 0, 0x07, 0x10]), Buffer.alloc(64)])

describe('PerfectOffice_MAIN', () => {
  it('flags a Quattro Pro 7/8 notebook as pre97-binary', async () => {
    expect((await probeBytes(compoundFile({PerfectOffice_MAIN: quattroBof}), 'n.wb3')).ids).toEqual(['pre97-binary'])
  })
  it('leaves a Corel Presentations show alone', async () => {
    expect((await probeBytes(compoundFile({PerfectOffice_MAIN: quattroBof, 'SlideShow/Main': Buffer.alloc(8)}), 's.shw')).ids).toEqual([])
  })
})
