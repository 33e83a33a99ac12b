// The real corpus beside the project: every file gets exactly one record, and none crashes the walk.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import type {Artifact} from '../../src/model.js'
import {identifyRoots} from '../../src/services/identify.js'
import {CORPUS, CORPUS_SKIP_REASON, HAS_CORPUS} from '../support/paths.js'

describe.skipIf(!HAS_CORPUS)(`corpus documents (${HAS_CORPUS ? 'present' : CORPUS_SKIP_REASON})`, () => {
  const dir = path.join(CORPUS, 'documents')
  it('gives every file exactly one record', async () => {
    const records: Artifact[] = []
    for await (const a of identifyRoots([dir])) records.push(a)
    const manifest = readFileSync(path.join(dir, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t')[0]!)
    const seen = records.map((r) => r.relativePath)
    expect(new Set(seen).size).toBe(seen.length)
    for (const name of manifest) expect(seen).toContain(name)
  })
})
