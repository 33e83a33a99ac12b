// Score the probes against the corpus MANIFEST: per-feature recall and precision.
import {readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {identifyEntry} from '../../src/services/identify.js'

/** Labels that are not probe features: `misnamed` is identification's extensionMismatch flag. */
export const NOT_PROBE_FEATURES = new Set(['misnamed'])

export type Row = {path: string; expected: Set<string>; unsure: Set<string>; got: Map<string, string>}
export type Score = {feature: string; tp: number; fp: number; fn: number; recall: number; precision: number}

/** Run identify + probes on every manifest row. */
export async function runCorpus(dir: string): Promise<Row[]> {
  const lines = readFileSync(path.join(dir, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1)
  const rows: Row[] = []
  for (const line of lines) {
    const [file, , features = ''] = line.split('\t')
    const labels = features.split(',').filter((f) => f && !NOT_PROBE_FEATURES.has(f))
    const full = path.join(dir, file!)
    const a = await identifyEntry({root: dir, path: full, relativePath: file!, size: statSync(full).size})
    rows.push({
      path: file!,
      expected: new Set(labels.filter((l) => !l.endsWith('?'))),
      unsure: new Set(labels.filter((l) => l.endsWith('?')).map((l) => l.slice(0, -1))),
      got: new Map(a.features.map((f) => [f.id, f.evidence])),
    })
  }
  return rows
}

/** Per-feature and overall scores (a `?` label is neither rewarded nor penalised). */
export function score(rows: Row[]): Score[] {
  const by = new Map<string, {tp: number; fp: number; fn: number}>()
  const bump = (f: string, k: 'tp' | 'fp' | 'fn') => {
    const s = by.get(f) ?? {tp: 0, fp: 0, fn: 0}
    s[k]++
    by.set(f, s)
  }
  for (const r of rows) {
    for (const f of r.expected) bump(f, r.got.has(f) ? 'tp' : 'fn')
    for (const f of r.got.keys()) if (!r.expected.has(f) && !r.unsure.has(f)) bump(f, 'fp')
  }
  const total = {tp: 0, fp: 0, fn: 0}
  const out: Score[] = []
  for (const [feature, s] of [...by].sort()) {
    total.tp += s.tp
    total.fp += s.fp
    total.fn += s.fn
    out.push({feature, ...s, recall: s.tp / Math.max(1, s.tp + s.fn), precision: s.tp / Math.max(1, s.tp + s.fp)})
  }
  out.push({feature: 'OVERALL', ...total, recall: total.tp / Math.max(1, total.tp + total.fn), precision: total.tp / Math.max(1, total.tp + total.fp)})
  return out
}

/** A fixed-width table of the scores, and the misses. */
export function table(scores: Score[], rows: Row[]): string {
  const lines = scores.map((s) => `${s.feature.padEnd(26)} tp=${String(s.tp).padStart(3)} fp=${String(s.fp).padStart(3)} fn=${String(s.fn).padStart(3)}  recall=${(100 * s.recall).toFixed(1).padStart(5)}%  precision=${(100 * s.precision).toFixed(1).padStart(5)}%`)
  for (const r of rows) {
    const missed = [...r.expected].filter((f) => !r.got.has(f))
    const extra = [...r.got.keys()].filter((f) => !r.expected.has(f) && !r.unsure.has(f))
    if (missed.length + extra.length > 0) lines.push(`  ${r.path}: ${missed.length ? `missed ${missed.join(',')} ` : ''}${extra.length ? `extra ${extra.map((f) => `${f} [${r.got.get(f)}]`).join(', ')}` : ''}`)
  }
  return lines.join('\n')
}
