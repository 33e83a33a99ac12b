// The sections of the HTML report, each a function result → HTML string. Values are escaped here.
import type {Finding, FrameworkScore, ScanResult, Severity} from '../model.js'
import {checkResults, SEVERITY_RANK, subjectLabel} from './checks.js'
import {htmlEscape as e} from './escape.js'
import {groupFindings} from './group.js'
import {barChart, scoreBar} from './svg.js'

/** Colours of severities, shared by charts and badges. */
export const SEVERITY_COLOUR: Record<Severity, string> = {critical: '#6a1b9a', high: '#c62828', medium: '#ef8f00', low: '#1565c0', info: '#607d8b'}
const ORDER: Severity[] = ['critical', 'high', 'medium', 'low', 'info']
const table = (head: string[], rows: string[][], id?: string) =>
  `<table${id ? ` id="${id}"` : ''}>${head.length ? `<thead><tr>${head.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead>` : ''}<tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`
const badge = (status: string) => `<span class="badge ${e(status.toLowerCase().replace(/\s+/g, '-'))}">${e(status)}</span>`
const sev = (s: Severity) => `<span class="sev" style="background:${SEVERITY_COLOUR[s]}">${e(s)}</span>`

/** Scope and inputs: what was scanned, with which rules, when, and the inputs' hashes. */
export function scopeSection(r: ScanResult): string {
  const inputs = r.scope.inputs ?? [...r.scope.roots.map((p) => ({kind: 'root' as const, path: p})), ...r.scope.inventories.map((p) => ({kind: 'inventory' as const, path: p}))]
  const rows = [
    ['Tool', `passerelle ${e(r.tool.version)}`], ['Rules', `${r.rules.count} rules, set digest <code>${e(r.rules.digest)}</code>`],
    ['Started', e(r.scope.startedAt)], ['Finished', e(r.scope.finishedAt)],
    ['Counted', `${r.summary.artifacts.toLocaleString('en')} files, ${r.summary.software.toLocaleString('en')} software rows, ${r.summary.errors} errors`],
  ]
  return `<section id="scope"><h2>Scope and inputs</h2>${table([], rows.map(([k, v]) => [`<strong>${k}</strong>`, v!]))}
<h3>Inputs</h3>${table(['kind', 'path', 'size', 'sha256'], inputs.map((i) => [e(i.kind), `<code>${e(i.path)}</code>`, 'size' in i && i.size !== undefined ? e(i.size) : '–', 'sha256' in i && i.sha256 ? `<code>${e(i.sha256)}</code>` : '–']))}</section>`
}

/** Scores per framework with their estate metrics. */
export function scoreSection(scores: FrameworkScore[]): string {
  if (!scores.length) return ''
  const cards = scores.map((c) => `<div class="card"><h3>${e(c.name)} <small>${e(c.framework)} · ${e(c.version)}</small></h3>${scoreBar(c.score)}
<p>${c.passed} passed, ${c.failed} failed, ${c.suppressed} suppressed, ${c.notAssessed} not assessed (score = passed / assessed).</p>
${c.metrics.map((m) => `<p class="metric">${e(m.name)}: <strong>${m.ratio === null ? 'n/a' : `${Math.round(m.ratio * 100)} %`}</strong> (${m.numerator.toLocaleString('en')} of ${m.denominator.toLocaleString('en')})</p>`).join('')}
${c.source ? `<p class="source">Source: ${e(c.source)}</p>` : ''}</div>`).join('')
  return `<section id="scores"><h2>Compliance and scoring</h2><div class="cards">${cards}</div></section>`
}

/** Severity and category charts (inline SVG). */
export function chartSection(r: ScanResult): string {
  const open = r.findings.filter((f) => !f.suppression)
  const bySeverity = ORDER.map((s) => ({label: s, value: open.filter((f) => f.severity === s).length, colour: SEVERITY_COLOUR[s]}))
  const tagOf = new Map((r.catalogue ?? []).map((c) => [c.id, c.tags[0] ?? c.id.split('.')[0]!]))
  const byCategory = new Map<string, number>()
  for (const f of open) {
    const cat = tagOf.get(f.ruleId) ?? f.ruleId.split('.')[0]!
    byCategory.set(cat, (byCategory.get(cat) ?? 0) + 1)
  }
  const cats = [...byCategory].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([label, value]) => ({label, value, colour: '#00838f'}))
  return `<section id="charts"><h2>Findings at a glance</h2><div class="cards"><div class="card"><h3>By severity</h3>${barChart('Open findings by severity', bySeverity)}</div>
<div class="card"><h3>By category</h3>${cats.length ? barChart('Open findings by category', cats) : '<p>No open findings.</p>'}</div></div></section>`
}

/** Requirement table: each framework requirement with its verdict and the checks behind it. */
export function requirementSection(scores: FrameworkScore[]): string {
  if (!scores.length) return ''
  const rows = scores.flatMap((c) => c.requirements.map((q) => [e(c.framework), `<strong>${e(q.id)}</strong><br>${e(q.name)}`, e(q.section ?? ''), badge(q.status),
    q.checks.length ? q.checks.map((x) => `<code>${e(x)}</code>`).join('<br>') : '<em>no rule maps here yet</em>', `${q.findings}${q.suppressed ? ` (+${q.suppressed} suppressed)` : ''}`]))
  return `<section id="requirements"><h2>Requirements</h2>${table(['framework', 'requirement', 'section', 'result', 'checks', 'findings'], rows, 'requirements-table')}</section>`
}

function evidenceOf(f: Finding): string {
  return f.evidence.length ? table(['field', 'test', 'expected', 'actual'], f.evidence.map((x) => [e(x.field), e(x.op), `<code>${e(x.expected)}</code>`, `<code>${e(x.actual)}</code>`])) : ''
}

/** Findings: groups (rule × folder or host) with evidence and bridge, then a table of every finding (capped). */
export function findingSection(r: ScanResult, cap = 2000, groupCap = 300): string {
  const groups = groupFindings(r.findings).sort((a, b) => SEVERITY_RANK[a.severity]! - SEVERITY_RANK[b.severity]!)
  const details = groups.slice(0, groupCap).map((g) => {
    const f = g.findings[0]!
    const b = f.bridge
    const where = g.kind === 'artifact' ? (g.scope === '.' ? 'at the root' : `under ${g.scope}/`) : `on ${g.scope}`
    return `<details class="group"><summary>${sev(g.severity)} <code>${e(g.ruleId)}</code> ${e(g.title)} — ${g.count.toLocaleString('en')} ${e(where)}</summary>
<p>${e(f.message)}</p><p>Examples: ${g.examples.map((x) => `<code>${e(x)}</code>`).join(', ')}</p>${evidenceOf(f)}
<div class="bridge"><strong>Bridge</strong> ${b.effort ? `(effort: ${e(b.effort)})` : ''}: ${e(b.summary)}${b.steps.length ? `<ol>${b.steps.map((s) => `<li>${e(s)}</li>`).join('')}</ol>` : ''}
${b.commands.length ? `<pre>${b.commands.map(e).join('\n')}</pre>` : ''}${b.tools.length ? `<p>Tools: ${b.tools.map((t) => `${e(t.name)}${t.sill ? ' <span class="sill">SILL</span>' : ''}`).join(', ')}</p>` : ''}</div></details>`
  }).join('\n')
  const rows = r.findings.slice(0, cap).map((f) => [sev(f.severity), `<code>${e(f.ruleId)}</code>`, e(subjectLabel(f)), e(f.message),
    f.suppression ? badge('SUPPRESSED') : badge('FAIL'), e(f.baselineState ?? ''), `<code title="${e(f.fingerprint)}">${e(f.fingerprint.slice(0, 12))}</code>`])
  const more = r.findings.length > cap ? `<p>… and ${(r.findings.length - cap).toLocaleString('en')} more findings: see the CSV, JSON or SARIF output for every subject.</p>` : ''
  const moreGroups = groups.length > groupCap ? `<p>… and ${(groups.length - groupCap).toLocaleString('en')} smaller groups: see the Markdown, CSV or JSON output.</p>` : ''
  return `<section id="findings"><h2>Findings (${r.findings.length.toLocaleString('en')} in ${groups.length.toLocaleString('en')} groups)</h2>${details || '<p>No findings.</p>'}${moreGroups}
<h3>Every finding</h3>${table(['severity', 'rule', 'subject', 'message', 'status', 'baseline', 'fingerprint'], rows, 'findings-table')}${more}</section>`
}

/** Suppression register and baseline comparison. */
export function registerSection(r: ScanResult): string {
  const reg = r.suppressions ?? []
  const rows = reg.map((x) => [e(x.source), e([x.rule && `rule ${x.rule}`, x.path && `path ${x.path}`, x.host && `host ${x.host}`, x.fingerprint && `fingerprint ${x.fingerprint.slice(0, 12)}`].filter(Boolean).join(', ')),
    e(x.reason), e(x.approvedBy ?? ''), e(x.expires ?? ''), `${badge(x.status)}${x.problem ? ` ${e(x.problem)}` : ''}`, e(x.matched)])
  const baseline = r.baseline ? `<h3>Baseline</h3><p>Compared with <code>${e(r.baseline.file)}</code>: ${r.baseline.new} new, ${r.baseline.unchanged} unchanged, ${r.baseline.absent.length} absent (fixed or gone).</p>
${r.baseline.absent.length ? table(['rule', 'subject', 'fingerprint'], r.baseline.absent.slice(0, 500).map((a) => [`<code>${e(a.ruleId)}</code>`, e(a.subject), `<code>${e(a.fingerprint.slice(0, 12))}</code>`])) : ''}` : ''
  return `<section id="suppressions"><h2>Suppression register</h2>${reg.length ? table(['entry', 'scope', 'reason', 'approved by', 'expires', 'status', 'findings covered'], rows) : '<p>No suppression file was used.</p>'}${baseline}</section>`
}

/** Rule catalogue with each rule's verdict, plus run errors. */
export function catalogueSection(r: ScanResult): string {
  const rows = checkResults(r).map((c) => [`<code>${e(c.rule.id)}</code>`, e(c.rule.title), sev(c.rule.severity), e(c.rule.target), e(c.rule.checked), badge(c.status),
    e(c.rule.compliance.map((x) => `${x.framework}: ${x.requirement}`).join(', ')), c.rule.references.map((x) => e(x)).join('<br>')])
  const errors = r.errors.length ? `<h3>Errors (${r.errors.length})</h3>${table(['code', 'path', 'message'], r.errors.slice(0, 500).map((x) => [e(x.code), `<code>${e(x.path)}</code>`, e(x.message)]))}` : ''
  return `<section id="rules"><h2>Rule catalogue</h2>${table(['rule', 'title', 'severity', 'target', 'checked', 'result', 'compliance', 'references'], rows)}${errors}</section>`
}
