// The worker-thread pool gives the same records as identification on the main thread, one per file.
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {estateFiles} from '../../fixtures/build.js'
import type {Artifact} from '../../src/model.js'
import {identifyRoots} from '../../src/services/identify.js'

let root: string
beforeAll(() => {
  // More files than the warm-up the pool does on the main thread (256), so workers really start.
  root = mkdtempSync(path.join(tmpdir(), 'passerelle-workers-'))
  for (let copy = 0; copy < 20; copy++) {
    for (const [rel, bytes] of Object.entries(estateFiles())) {
      const file = path.join(root, `copy${copy}`, rel)
      mkdirSync(path.dirname(file), {recursive: true})
      writeFileSync(file, bytes)
    }
  }
})
afterAll(() => rmSync(root, {recursive: true, force: true}))

const collect = async (workers: number) => {
  const out: Artifact[] = []
  for await (const a of identifyRoots([root], {workers, probes: true})) out.push(a)
  return out.sort((a, b) => a.relativePath.localeCompare(b.relativePath))
}

describe('identify in worker threads', () => {
  it('gives every file exactly one record, the same as on the main thread', async () => {
    const inline = await collect(0)
    const pooled = await collect(2)
    expect(pooled).toHaveLength(20 * Object.keys(estateFiles()).length)
    expect(pooled.map((a) => a.relativePath)).toEqual(inline.map((a) => a.relativePath))
    expect(pooled.map((a) => [a.format, a.features.map((f) => f.id), a.error?.code])).toEqual(inline.map((a) => [a.format, a.features.map((f) => f.id), a.error?.code]))
    expect(pooled.filter((a) => a.error)).toEqual([])
  }, 60_000)
})
