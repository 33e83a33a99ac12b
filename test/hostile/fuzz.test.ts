// The fuzzer, CI-sized: a fixed seed and iteration count over the fixtures (and the real documents when
// the corpus is present), plus a replay of every crash it ever saved.
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {caseBytes, corpusBases, type Crash, fixtureBases, fuzz, judge} from '../../fixtures/hostile/fuzz.js'
import {PROBES} from '../../src/probes/index.js'
import {CORPUS, HAS_CORPUS, PROJECT} from '../support/paths.js'

const dir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-fuzz-test-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))
const CRASHES = path.join(PROJECT, 'fixtures/hostile/crashes')
const saved: Crash[] = existsSync(CRASHES) ? readdirSync(CRASHES).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(path.join(CRASHES, f), 'utf8'))) : []
const bases = [...fixtureBases(), ...(HAS_CORPUS ? corpusBases(path.join(CORPUS, 'documents')) : [])]

describe('fuzzer', () => {
  it('finds nothing in a fixed CI-sized run (seed 1, 1,500 iterations)', async () => {
    const result = await fuzz({bases, dir, seed: 1, iterations: 1500})
    expect(result.iterations).toBe(1500)
    expect(result.crashes).toEqual([])
  }, 120_000)

  it('is deterministic: a seed rebuilds the same bytes', () => {
    const base = fixtureBases().find((b) => b.id === 'fixture:doc')!
    expect(caseBytes(base, 4242, 3, [base]).equals(caseBytes(base, 4242, 3, [base]))).toBe(true)
    expect(caseBytes(base, 4242, 3, [base]).equals(caseBytes(base, 4243, 3, [base]))).toBe(false)
  })

  it('calls a bug a crash: an uncoded exception in a probe is not a file problem', async () => {
    const buggy = {name: 'buggy', applies: () => true, run: async () => (undefined as unknown as {x: {y: number}}).x.y as never}
    PROBES.push(buggy)
    try {
      expect(await judge(fixtureBases()[0]!.bytes(), 'docx', dir)).toMatch(/probe buggy failed/)
    } finally {
      PROBES.splice(PROBES.indexOf(buggy), 1)
    }
  })

  for (const c of saved) {
    const base = bases.find((b) => b.id === c.base)
    it.skipIf(!base)(`replays saved crash ${c.base} seed ${c.seed} (${c.problem.split('\n')[0]!.slice(0, 80)})`, async () => {
      expect(await judge(caseBytes(base!, c.seed, c.rounds, bases), base!.ext, dir)).toBeUndefined()
    })
  }
})
