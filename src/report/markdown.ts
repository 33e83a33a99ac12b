// Markdown for pull requests, wikis and tickets: the summary, framework scores and the finding groups.
import type {ScanResult} from '../model.js'
import {groupFindings} from './group.js'
import {SEVERITY_RANK} from './checks.js'

/** Escape text for a Markdown table cell or line (no HTML, no table breaks, no emphasis). */
export function mdEscape(value: string): string {
  return value.replace(/[\\`*_{}[\]()#+!|<>~]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ')
}

const pct = (x: number | null) => (x === null ? 'n/a' : `${Math.round(x * 100)} %`)

/** Render a result as a Markdown report. */
export function renderMarkdown(result: ScanResult): string {
  const s = result.summary
  const out = ['# Passerelle report', '']
  out.push(`Scanned ${result.scope.startedAt} → ${result.scope.finishedAt} with passerelle ${mdEscape(result.tool.version)} (${result.rules.count} rules).`, '')
  out.push(`**${s.artifacts}** files, **${s.software}** software rows, **${s.findings}** findings (${(['critical', 'high', 'medium', 'low', 'info'] as const).map((x) => `${s.bySeverity[x] ?? 0} ${x}`).join(', ')}), ${result.findings.filter((f) => f.suppression).length} suppressed, ${s.errors} errors.`, '')
  if (result.baseline) out.push(`Baseline \`${mdEscape(result.baseline.file)}\`: ${result.baseline.new} new, ${result.baseline.unchanged} unchanged, ${result.baseline.absent.length} absent.`, '')
  if (result.compliance?.length) {
    out.push('## Compliance', '', '| framework | score | passed | failed | suppressed | not assessed |', '| --- | --- | --- | --- | --- | --- |')
    for (const c of result.compliance) out.push(`| ${mdEscape(c.name)} (\`${c.framework}\`) | ${pct(c.score)} | ${c.passed} | ${c.failed} | ${c.suppressed} | ${c.notAssessed} |`)
    out.push('', '| framework | requirement | status | findings | checks |', '| --- | --- | --- | --- | --- |')
    for (const c of result.compliance) for (const r of c.requirements) out.push(`| ${c.framework} | ${mdEscape(r.name)} | ${r.status} | ${r.findings} | ${r.assessed.map(mdEscape).join(', ') || '–'} |`)
    for (const c of result.compliance) for (const m of c.metrics) out.push('', `- ${c.framework}: ${mdEscape(m.name)}: ${pct(m.ratio)} (${m.numerator} / ${m.denominator})`)
    out.push('')
  }
  const groups = groupFindings(result.findings).sort((a, b) => SEVERITY_RANK[a.severity]! - SEVERITY_RANK[b.severity]!)
  if (groups.length) {
    out.push('## Findings', '', '| severity | rule | where | count | examples | bridge |', '| --- | --- | --- | --- | --- | --- |')
    for (const g of groups.slice(0, 500)) {
      const where = g.kind === 'artifact' ? (g.scope === '.' ? '(root)' : `${g.scope}/`) : g.scope
      out.push(`| ${g.severity} | \`${mdEscape(g.ruleId)}\` ${mdEscape(g.title)} | ${mdEscape(where)} | ${g.count} | ${g.examples.slice(0, 3).map(mdEscape).join('<br>')} | ${mdEscape(g.findings[0]!.bridge.summary)} |`)
    }
    if (groups.length > 500) out.push('', `… and ${groups.length - 500} smaller groups (see the CSV or JSON output).`)
    out.push('')
  }
  if (result.baseline?.absent.length) {
    out.push('## Gone since the baseline', '', '| rule | subject |', '| --- | --- |')
    for (const a of result.baseline.absent.slice(0, 500)) out.push(`| \`${mdEscape(a.ruleId)}\` | ${mdEscape(a.subject)} |`)
    out.push('')
  }
  const register = result.suppressions ?? []
  if (register.length) {
    out.push('## Suppressions', '', '| entry | scope | reason | approved by | expires | status | matched |', '| --- | --- | --- | --- | --- | --- | --- |')
    for (const e of register) out.push(`| ${mdEscape(e.source)} | ${mdEscape([e.rule, e.path, e.host, e.fingerprint?.slice(0, 12)].filter(Boolean).join(' '))} | ${mdEscape(e.reason)} | ${mdEscape(e.approvedBy ?? '')} | ${e.expires ?? ''} | ${e.status}${e.problem ? `: ${mdEscape(e.problem)}` : ''} | ${e.matched} |`)
    out.push('')
  }
  return `${out.join('\n')}\n`
}
