// The real corpus beside the project: every file gets exactly one record, and the format is right
// for at least 98% of them with identification alone, and for all of them with the default settings
// (MANIFEST.tsv holds the verified truth). A miss prints the per-format table.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import type {Artifact} from '../../src/model.js'
import {identifyRoots} from '../../src/services/identify.js'
import {CORPUS, CORPUS_SKIP_REASON, HAS_CORPUS} from '../support/paths.js'

describe.skipIf(!HAS_CORPUS)(`corpus documents (${HAS_CORPUS ? 'present' : CORPUS_SKIP_REASON})`, () => {
  const dir = path.join(CORPUS, 'documents')
  const truth = () => new Map(readFileSync(path.join(dir, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1)
    .map((l) => l.split('\t')).map((c) => [c[0]!, c[1]!] as const))

  it('gives every file exactly one record and names >= 98% of formats exactly', async () => {
    const records: Artifact[] = []
    for await (const a of identifyRoots([dir], {probes: false})) records.push(a)
    const seen = records.map((r) => r.relativePath)
    expect(new Set(seen).size).toBe(seen.length)
    const expected = truth()
    for (const name of expected.keys()) expect(seen).toContain(name)

    const perFormat = new Map<string, {n: number; ok: number; wrong: string[]}>()
    let ok = 0
    for (const r of records) {
      const want = expected.get(r.relativePath)
      if (!want) continue
      const row = perFormat.get(want) ?? {n: 0, ok: 0, wrong: []}
      row.n++
      if (r.format === want) {
        row.ok++
        ok++
      } else row.wrong.push(`${r.relativePath} → ${r.format}`)
      perFormat.set(want, row)
    }
    const accuracy = ok / expected.size
    if (accuracy < 0.98) {
      const table = [...perFormat].sort(([a], [b]) => a.localeCompare(b))
        .map(([f, r]) => `${f.padEnd(14)} ${r.ok}/${r.n}${r.wrong.length ? `  wrong: ${r.wrong.join(', ')}` : ''}`)
      console.error(`format accuracy ${ok}/${expected.size}\n${table.join('\n')}`)
    }
    expect(accuracy).toBeGreaterThanOrEqual(0.98)
  }, 60_000)

  // With the probes on (the default), packages encrypted with Excel's default password are opened and
  // named by their content types: then no file is left to the extension tie-break.
  it('names every format exactly with the default settings (probes on)', async () => {
    const expected = truth()
    const wrong: string[] = []
    for await (const a of identifyRoots([dir], {})) {
      const want = expected.get(a.relativePath)
      if (want && a.format !== want) wrong.push(`${a.relativePath} → ${a.format} (want ${want})`)
    }
    expect(wrong).toEqual([])
  }, 60_000)
})
