// Every rule as a check with a verdict: what auditors read as PASS / FAIL / SUPPRESSED / NOT ASSESSED.
// A rule that saw no subject of its kind (no files, or no inventory) is not assessed, never "pass".
import type {Finding, RuleSummary, ScanResult} from '../model.js'

/** The verdict of one check (one rule) over the whole scan. */
export type CheckStatus = 'PASS' | 'FAIL' | 'SUPPRESSED' | 'NOT ASSESSED'

/** One rule with its verdict and the findings it produced. */
export type CheckResult = {rule: RuleSummary; status: CheckStatus; findings: Finding[]; open: number; suppressed: number}

/** The rules of a result: its catalogue, or (for results saved without one) the rules seen in findings. */
export function catalogueOf(result: ScanResult): RuleSummary[] {
  if (result.catalogue) return result.catalogue
  const seen = new Map<string, RuleSummary>()
  for (const f of result.findings) {
    if (!seen.has(f.ruleId)) {
      seen.set(f.ruleId, {id: f.ruleId, title: f.title, severity: f.severity, target: f.subject.kind, tags: [], references: [],
        compliance: f.compliance, bridge: f.bridge.summary, checked: f.subject.kind === 'artifact' ? result.summary.artifacts : result.summary.software})
    }
  }
  return [...seen.values()]
}

/** Judge every rule of the result. */
export function checkResults(result: ScanResult): CheckResult[] {
  const byRule = new Map<string, Finding[]>()
  for (const f of result.findings) {
    const list = byRule.get(f.ruleId)
    if (list) list.push(f)
    else byRule.set(f.ruleId, [f])
  }
  return catalogueOf(result).map((rule) => {
    const findings = byRule.get(rule.id) ?? []
    const suppressed = findings.filter((f) => f.suppression).length
    const open = findings.length - suppressed
    const status: CheckStatus = open > 0 ? 'FAIL' : suppressed > 0 ? 'SUPPRESSED' : rule.checked > 0 ? 'PASS' : 'NOT ASSESSED'
    return {rule, status, findings, open, suppressed}
  })
}

/** Severity order, highest first, for sorting. */
export const SEVERITY_RANK: Record<string, number> = {critical: 0, high: 1, medium: 2, low: 3, info: 4}

/** A short human label of a finding's subject: the path, or "host: name version". */
export function subjectLabel(f: Finding): string {
  const s = f.subject
  return s.kind === 'artifact' ? s.relativePath : `${s.host}: ${s.name}${s.version ? ` ${s.version}` : ''}`
}
