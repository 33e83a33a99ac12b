// The human report of a scan: findings grouped by rule × folder (files) or rule × host (software), a
// few examples per group and the bridge. Colour only on a terminal, and never when NO_COLOR is set.
import type {ScanResult, Severity} from '../model.js'
import {SEVERITIES} from '../model.js'
import {SEVERITY_RANK} from './checks.js'
import {groupFindings} from './group.js'

/** Options of the table: colour (decided by the caller from the TTY and NO_COLOR) and examples per group. */
export type TableOptions = {color?: boolean; examples?: number}

const COLOUR: Record<Severity, string> = {critical: '\x1b[1;35m', high: '\x1b[1;31m', medium: '\x1b[33m', low: '\x1b[36m', info: '\x1b[2m'}

/** Whether to colour output written to a stream: a TTY and no NO_COLOR (https://no-color.org). */
export function wantsColour(stream: {isTTY?: boolean}, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(stream.isTTY) && !(env.NO_COLOR !== undefined && env.NO_COLOR !== '') && env.TERM !== 'dumb'
}

/** Render a ScanResult as a grouped text report. */
export function renderTable(result: ScanResult, options: TableOptions = {}): string {
  const examples = options.examples ?? 5
  const paint = (severity: Severity, text: string) => (options.color ? `${COLOUR[severity]}${text}\x1b[0m` : text)
  const dim = (text: string) => (options.color ? `\x1b[2m${text}\x1b[0m` : text)
  const lines: string[] = []
  const groups = groupFindings(result.findings, examples).sort((a, b) => SEVERITY_RANK[a.severity]! - SEVERITY_RANK[b.severity]!)
  for (const g of groups) {
    const suppressed = g.findings.filter((f) => f.suppression).length
    const where = g.kind === 'artifact' ? (g.scope === '.' ? 'at the root' : `under ${g.scope}/`) : `on ${g.scope}`
    const noun = g.kind === 'artifact' ? (g.count === 1 ? 'file' : 'files') : g.count === 1 ? 'package' : 'packages'
    lines.push(`${paint(g.severity, g.severity.toUpperCase().padEnd(8))} ${g.ruleId}  ${g.title}`)
    lines.push(`    ${g.count.toLocaleString('en')} ${noun} ${where}${suppressed ? dim(` (${suppressed} suppressed)`) : ''}`)
    for (const e of g.examples) lines.push(`      ${e}`)
    if (g.count > g.examples.length) lines.push(dim(`      … and ${(g.count - g.examples.length).toLocaleString('en')} more`))
    const first = g.findings[0]!
    lines.push(`    bridge: ${first.bridge.summary}${first.bridge.effort ? ` (effort: ${first.bridge.effort})` : ''}`)
    for (const c of first.bridge.commands.slice(0, 2)) lines.push(`      $ ${c}`)
    lines.push('')
  }
  const s = result.summary
  const severities = [...SEVERITIES].reverse()
  const bySeverity = severities.filter((x) => s.bySeverity[x]).map((x) => `${s.bySeverity[x]} ${x}`).join(', ')
  const suppressed = result.findings.filter((f) => f.suppression).length
  lines.push(`${s.artifacts} files, ${s.software} software rows, ${s.findings} findings${bySeverity ? ` (${bySeverity})` : ''}${suppressed ? `, ${suppressed} suppressed` : ''}, ${s.errors} errors`)
  if (result.baseline) lines.push(`baseline ${result.baseline.file}: ${result.baseline.new} new, ${result.baseline.unchanged} unchanged, ${result.baseline.absent.length} absent`)
  for (const c of result.compliance ?? []) lines.push(`${c.framework}: ${c.score === null ? 'not assessed' : `${Math.round(c.score * 100)}%`} (${c.passed} passed, ${c.failed} failed, ${c.suppressed} suppressed, ${c.notAssessed} not assessed)`)
  for (const e of result.errors.slice(0, 10)) lines.push(`  error ${e.code}: ${e.path}: ${e.message}`)
  if (result.errors.length > 10) lines.push(`  … and ${result.errors.length - 10} more errors (see --format json)`)
  return `${lines.join('\n')}\n`
}
