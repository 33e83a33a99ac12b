// Merge saved ScanResults from several hosts into one, for sites that cannot reach a database:
// counts add up, scopes join, and a finding seen by several scanners appears once (by fingerprint).
import type {Finding, RuleSummary, ScanResult} from '../model.js'

const add = (into: Record<string, number>, from: Record<string, number>) => {
  for (const [k, n] of Object.entries(from)) into[k] = (into[k] ?? 0) + n
}

/** Combine results: findings de-duplicated by fingerprint, counts summed, errors kept. */
export function mergeResults(results: ScanResult[]): ScanResult {
  if (results.length === 0) throw new Error('nothing to merge')
  const findings = new Map<string, Finding>()
  const summary = {artifacts: 0, software: 0, findings: 0, bySeverity: {} as Record<string, number>, byFormat: {} as Record<string, number>, byFeature: {} as Record<string, number>, errors: 0}
  for (const r of results) {
    for (const f of r.findings) if (!findings.has(f.fingerprint)) findings.set(f.fingerprint, f)
    summary.artifacts += r.summary.artifacts
    summary.software += r.summary.software
    summary.errors += r.summary.errors
    add(summary.byFormat, r.summary.byFormat)
    add(summary.byFeature, r.summary.byFeature)
  }
  const merged = [...findings.values()]
  for (const f of merged) summary.bySeverity[f.severity] = (summary.bySeverity[f.severity] ?? 0) + 1
  summary.findings = merged.length
  const suppressed = merged.filter((f) => f.suppression).length
  const digests = [...new Set(results.map((r) => r.rules.digest))]
  const catalogue = new Map<string, RuleSummary>()
  for (const r of results) for (const rule of r.catalogue ?? []) if (!catalogue.has(rule.id)) catalogue.set(rule.id, rule)
  // Scores and baseline comparisons belong to one run: `passerelle report MERGED.json` computes them afresh.
  return {
    schemaVersion: '1', tool: results[0]!.tool,
    catalogue: catalogue.size > 0 ? [...catalogue.values()] : undefined,
    suppressions: results.some((r) => r.suppressions) ? results.flatMap((r) => r.suppressions ?? []) : undefined,
    rules: {count: Math.max(...results.map((r) => r.rules.count)), digest: digests.length === 1 ? digests[0]! : `mixed:${digests.join(',')}`},
    scope: {
      roots: results.flatMap((r) => r.scope.roots), inventories: results.flatMap((r) => r.scope.inventories),
      startedAt: results.map((r) => r.scope.startedAt).sort()[0]!, finishedAt: results.map((r) => r.scope.finishedAt).sort().at(-1)!,
      inputs: results.some((r) => r.scope.inputs) ? results.flatMap((r) => r.scope.inputs ?? []) : undefined,
    },
    summary: suppressed > 0 ? {...summary, suppressed} : summary, findings: merged, errors: results.flatMap((r) => r.errors),
  }
}
