// Jira CSV import file for trackers without API access: one row per finding group, a header row with
// `Summary`, Labels repeated (Jira's convention for several values), and a Fingerprint column to map to a
// custom field. Cells that a spreadsheet would read as a formula are neutralised.
import type {Severity} from '../model.js'
import {descriptionOf, subjectOf, type TicketGroup} from './tracker.js'

const PRIORITY: Record<Severity, string> = {critical: 'Highest', high: 'High', medium: 'Medium', low: 'Low', info: 'Lowest'}
const HEADER = ['Summary', 'Issue Type', 'Priority', 'Description', 'Labels', 'Labels', 'Labels', 'Fingerprint']

/** Quote a CSV cell (RFC 4180) and defuse a leading = + - @ (or tab/CR) so Excel never evaluates it. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** The CSV text (UTF-8, CRLF line ends) for Jira's CSV importer. */
export function renderJiraCsv(groups: TicketGroup[], issueType = 'Task'): string {
  const rows = [HEADER, ...groups.map((g) => [
    subjectOf(g), issueType, PRIORITY[g.severity], descriptionOf(g),
    'passerelle', `severity-${g.severity}`, `pf-${g.fingerprint.slice(0, 12)}`, g.fingerprint,
  ])]
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n'
}
