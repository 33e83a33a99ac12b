// Baselines: the fingerprints of an accepted state. Against one, each finding is new or unchanged and
// the baseline's findings that are gone are listed as absent; fingerprints ignore the mount point, so a
// share moved to another server keeps its baseline.
import {readFileSync} from 'node:fs'
import type {AbsentFinding, BaselineComparison, Finding, ScanResult} from '../model.js'
import {subjectLabel} from './checks.js'

/** The baseline document written by --write-baseline. */
export type Baseline = {schemaVersion: '1'; kind: 'passerelle-baseline'; createdAt: string; findings: AbsentFinding[]}

/** The baseline of a result: one entry per finding (rule, severity, subject label, fingerprint). */
export function renderBaseline(result: ScanResult): string {
  const findings = result.findings.map((f) => ({ruleId: f.ruleId, title: f.title, severity: f.severity, subject: subjectLabel(f), fingerprint: f.fingerprint}))
  const doc: Baseline = {schemaVersion: '1', kind: 'passerelle-baseline', createdAt: result.scope.finishedAt, findings}
  return `${JSON.stringify(doc, null, 2)}\n`
}

/** Read a baseline: a file written by --write-baseline, or a saved ScanResult (its findings are the baseline). */
export function readBaseline(file: string): AbsentFinding[] {
  let doc: unknown
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'))
  } catch (e) {
    throw new Error(`${file}: not a baseline (${(e as Error).message})`)
  }
  const list = (doc as {findings?: unknown})?.findings
  if (!Array.isArray(list)) throw new Error(`${file}: not a baseline: no "findings" list`)
  return list.map((raw, i) => {
    const f = raw as Partial<Finding & AbsentFinding>
    if (typeof f.fingerprint !== 'string' || typeof f.ruleId !== 'string') throw new Error(`${file}: finding ${i + 1} has no ruleId or fingerprint`)
    const subject = typeof f.subject === 'string' ? f.subject : f.subject ? subjectLabel(f as Finding) : ''
    return {ruleId: f.ruleId, title: f.title, severity: f.severity, subject, fingerprint: f.fingerprint}
  })
}

/** Mark each finding new or unchanged against the baseline and list what is gone. */
export function compareWithBaseline(findings: Finding[], baseline: AbsentFinding[], file: string): {findings: Finding[]; comparison: BaselineComparison} {
  const known = new Set(baseline.map((b) => b.fingerprint))
  const current = new Set(findings.map((f) => f.fingerprint))
  const marked = findings.map((f) => ({...f, baselineState: known.has(f.fingerprint) ? ('unchanged' as const) : ('new' as const)}))
  const unchanged = marked.filter((f) => f.baselineState === 'unchanged').length
  const absent = baseline.filter((b) => !current.has(b.fingerprint))
  return {findings: marked, comparison: {file, new: marked.length - unchanged, unchanged, absent}}
}
