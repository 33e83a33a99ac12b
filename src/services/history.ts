// The history service: runs over time, the trend auditors follow, and what changed between two runs.
import {formatById} from '../identify/formats.js'
import type {RunDiff, StoredFinding, StoredRun, TrendPoint} from '../model.js'
import {openStore} from '../store/open.js'

const OFFICE_FAMILIES = new Set(['word-processing', 'spreadsheet', 'presentation'])
const ODF = new Set(['odt', 'ods', 'odp', 'odg', 'fodt', 'fods', 'fodp', 'fodg', 'ott', 'ots', 'otp', 'otg'])

/** The estate metrics of one run: office documents, the share of them in ODF, files with macros. */
export function trendPoint(run: StoredRun): TrendPoint {
  let office = 0
  let odf = 0
  for (const [format, n] of Object.entries(run.byFormat)) {
    const family = formatById(format)?.family
    if (ODF.has(format) || (family && OFFICE_FAMILIES.has(family))) office += n
    if (ODF.has(format)) odf += n
  }
  return {
    run: run.id, startedAt: run.startedAt, host: run.host, label: run.label, artifacts: run.artifacts, findings: run.findings,
    officeDocuments: office, odfShare: office === 0 ? 0 : odf / office, macroFiles: run.byFeature['vba-macros'] ?? 0, scores: run.scores,
  }
}

/** The recorded runs (complete or not) since a date, with their trend points. */
export async function history(target: string, since?: string): Promise<{runs: StoredRun[]; trend: TrendPoint[]}> {
  const store = await openStore(target)
  try {
    const runs = await store.runs({since})
    return {runs, trend: runs.filter((r) => r.status === 'complete').map(trendPoint)}
  } finally {
    await store.close()
  }
}

/** New, fixed and still-open findings between run A and run B (by fingerprint). */
export async function diffRuns(target: string, a: number, b: number): Promise<RunDiff> {
  const store = await openStore(target)
  try {
    const runB = await store.run(b)
    if (!(await store.run(a))) throw new Error(`run ${a} is not in the store`)
    if (!runB) throw new Error(`run ${b} is not in the store`)
    const before = await store.runFindings(a)
    const after = await store.runFindings(b)
    const had = new Set(before.map((f) => f.fingerprint))
    const has = new Set(after.map((f) => f.fingerprint))
    // A finding is fixed only where run B looked: files need roots, software rows need inventories.
    const looked = (f: StoredFinding) => (f.subject.kind === 'artifact' ? runB.roots.length > 0 : runB.inventories.length > 0)
    const gone = before.filter((f) => !has.has(f.fingerprint))
    return {
      from: a, to: b,
      new: after.filter((f) => !had.has(f.fingerprint)),
      fixed: gone.filter(looked),
      stillOpen: after.filter((f) => had.has(f.fingerprint)),
      outOfScope: gone.filter((f) => !looked(f)),
    }
  } finally {
    await store.close()
  }
}
