// CSV for Excel and auditors' spreadsheets: UTF-8 with a BOM (so Excel reads accents), ISO dates,
// `;` on request for French Excel, and cells neutralised so that no value runs as a formula.
import type {Finding, ScanResult} from '../model.js'
import {checkResults} from './checks.js'

/** How the CSV is cut: one row per finding, or one row per check (rule) with its verdict. */
export type CsvOptions = {delimiter?: string; rows?: 'findings' | 'checks'}

/**
 * Make a cell safe for spreadsheets: a leading = + - @ tab or CR would start a formula (CSV injection).
 * The same after a `,` `;` or tab inside the value: a spreadsheet that splits on another separator than
 * the one written (French Excel splits on `;` and ignores quotes that do not open a field) would start a
 * cell there.
 */
export function neutralise(value: string): string {
  const inner = value.replace(/([,;\t])(?=[=+\-@])/g, "$1'")
  return /^[=+\-@\t\r]/.test(inner) ? `'${inner}` : inner
}

/**
 * One CSV cell: neutralised, and quoted when it holds the delimiter, a quote, a line break, or any other
 * usual separator: a spreadsheet in another locale may split on `;` or tab, and an unquoted
 * `a;=HYPERLINK(…)` would then start a cell with a formula.
 */
export function csvCell(value: unknown, delimiter: string): string {
  const text = neutralise(value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value))
  return text.includes(delimiter) || /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

const FINDING_COLUMNS = [
  'FINDING_UID', 'RULE_ID', 'RULE_TITLE', 'STATUS', 'SEVERITY', 'TARGET_TYPE', 'PATH', 'FORMAT', 'HOST', 'SOFTWARE', 'VENDOR',
  'VERSION', 'SOURCE', 'MESSAGE', 'EXPECTED', 'ACTUAL', 'BRIDGE', 'EFFORT', 'COMMANDS', 'COMPLIANCE', 'SUPPRESSION_REASON',
  'SUPPRESSION_EXPIRES', 'SUPPRESSION_APPROVED_BY', 'BASELINE', 'SCAN_STARTED', 'SCAN_FINISHED',
]

function findingRow(f: Finding, result: ScanResult): unknown[] {
  const s = f.subject
  const art = s.kind === 'artifact'
  return [
    f.fingerprint, f.ruleId, f.title, f.suppression ? 'SUPPRESSED' : 'FAIL', f.severity, s.kind, art ? s.path : '', art ? s.format : '',
    art ? '' : s.host, art ? '' : s.name, art ? '' : s.vendor, art ? '' : s.version,
    art ? '' : `${s.source.file}${s.source.line ? `:${s.source.line}` : ''}`, f.message,
    f.evidence.map((e) => JSON.stringify(e.expected ?? null)).join(' | '), f.evidence.map((e) => `${e.field}=${JSON.stringify(e.actual)}`).join(' | '),
    f.bridge.summary, f.bridge.effort, f.bridge.commands.join(' ; '), f.compliance.map((c) => `${c.framework}: ${c.requirement}`).join(' | '),
    f.suppression?.reason, f.suppression?.expires, f.suppression?.approvedBy, f.baselineState, result.scope.startedAt, result.scope.finishedAt,
  ]
}

const CHECK_COLUMNS = ['RULE_ID', 'RULE_TITLE', 'STATUS', 'SEVERITY', 'TARGET_TYPE', 'CHECKED', 'FINDINGS', 'SUPPRESSED', 'COMPLIANCE', 'BRIDGE', 'SCAN_STARTED']

/** The CSV of a result in chunks of rows, BOM first. */
export function* csvChunks(result: ScanResult, options: CsvOptions = {}, perChunk = 1000): Generator<string> {
  const d = options.delimiter ?? ','
  const line = (cells: unknown[]) => `${cells.map((c) => csvCell(c, d)).join(d)}\r\n`
  yield `\uFEFF${line(options.rows === 'checks' ? CHECK_COLUMNS : FINDING_COLUMNS)}`
  if (options.rows === 'checks') {
    for (const c of checkResults(result)) {
      yield line([c.rule.id, c.rule.title, c.status.replace(' ', '_'), c.rule.severity, c.rule.target, c.rule.checked, c.open, c.suppressed,
        c.rule.compliance.map((x) => `${x.framework}: ${x.requirement}`).join(' | '), c.rule.bridge, result.scope.startedAt])
    }
    return
  }
  for (let i = 0; i < result.findings.length; i += perChunk) yield result.findings.slice(i, i + perChunk).map((f) => line(findingRow(f, result))).join('')
}

/** Render the findings (or the checks) of a result as CSV text, BOM included. */
export function renderCsv(result: ScanResult, options: CsvOptions = {}): string {
  return [...csvChunks(result, options)].join('')
}
