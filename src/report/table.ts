// The human report of a scan: findings grouped by severity then rule, each with its bridge.
import type {Finding, ScanResult} from '../model.js'
import {SEVERITIES} from '../model.js'

const subjectLabel = (f: Finding) =>
  f.subject.kind === 'artifact' ? f.subject.path : `${f.subject.host}: ${f.subject.name}${f.subject.version ? ` ${f.subject.version}` : ''}`

/** Render a ScanResult as a grouped text report. */
export function renderTable(result: ScanResult, options: {examples?: number} = {}): string {
  const examples = options.examples ?? 5
  const lines: string[] = []
  const severities = [...SEVERITIES].reverse()
  for (const severity of severities) {
    const byRule = new Map<string, Finding[]>()
    for (const f of result.findings.filter((x) => x.severity === severity)) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f])
    for (const [ruleId, findings] of byRule) {
      const first = findings[0]!
      lines.push(`${severity.toUpperCase().padEnd(8)} ${ruleId}  ${first.title}  (${findings.length})`)
      for (const f of findings.slice(0, examples)) lines.push(`    ${subjectLabel(f)}`)
      if (findings.length > examples) lines.push(`    … and ${findings.length - examples} more`)
      lines.push(`    bridge: ${first.bridge.summary}${first.bridge.effort ? ` (effort: ${first.bridge.effort})` : ''}`)
      for (const c of first.bridge.commands.slice(0, 2)) lines.push(`      $ ${c}`)
      lines.push('')
    }
  }
  const s = result.summary
  const bySeverity = severities.filter((x) => s.bySeverity[x]).map((x) => `${s.bySeverity[x]} ${x}`).join(', ')
  lines.push(`${s.artifacts} files, ${s.software} software rows, ${s.findings} findings${bySeverity ? ` (${bySeverity})` : ''}, ${s.errors} errors`)
  for (const e of result.errors.slice(0, 10)) lines.push(`  error ${e.code}: ${e.path}: ${e.message}`)
  if (result.errors.length > 10) lines.push(`  … and ${result.errors.length - 10} more errors (see --format json)`)
  return `${lines.join('\n')}\n`
}
