// The one interface every ticket tracker adapter implements, and the text a ticket is made of.
// The fingerprint of a finding group is stored in the tracker itself (a `Fingerprint` custom field
// where the tracker has one, a marker line in the description always), so a new machine with no
// local state finds the tickets it opened before.
import type {Severity} from '../model.js'

/** What a ticket is about: one finding group (rule × folder or rule × host), as the service hands it over. */
export type TicketGroup = {
  fingerprint: string
  ruleId: string
  title: string
  severity: Severity
  kind: 'artifact' | 'software'
  scope: string
  count: number
  examples: string[]
  bridge?: {summary: string; commands: string[]}
}

/** A ticket as the tracker knows it: only what the sync needs. */
export type Ticket = {id: string; url: string; subject: string; open: boolean; fingerprint: string}

/** What a new ticket carries. */
export type TicketDraft = {fingerprint: string; subject: string; description: string; severity: Severity}

/** One tracker behind one interface: find by fingerprint, create, comment, reopen, close. */
export type Tracker = {
  name: string
  /** Learn what the tracker offers (custom field, statuses) before the first call; read-only. */
  prepare(): Promise<void>
  /** Whether fingerprints live in a `Fingerprint` custom field (else only in the description marker). */
  usesCustomField(): boolean
  /** The oldest ticket carrying this fingerprint, open or closed. */
  find(fingerprint: string): Promise<Ticket | undefined>
  /** Every open ticket that Passerelle opened in this project. */
  listOpen(): Promise<Ticket[]>
  create(draft: TicketDraft): Promise<Ticket>
  /** Add a note; with subject, also bring the subject up to date. */
  comment(ticket: Ticket, note: string, subject?: string): Promise<void>
  reopen(ticket: Ticket, note: string, subject?: string): Promise<void>
  close(ticket: Ticket, note: string): Promise<void>
}

/** How adapters are configured: base URL, project (Redmine identifier, RT queue, owner/repo, GitLab id). */
export type TrackerOptions = {url: string; project: string; token: string; closeStatus?: string; writeGapMs?: number}

const MARKER = /passerelle-fingerprint: ([0-9a-f]{64})/

/** The marker line stored in every description; `html` hides it in an HTML comment (GitHub, GitLab). */
export function markerLine(fingerprint: string, html = false): string {
  const line = `passerelle-fingerprint: ${fingerprint}`
  return html ? `<!-- ${line} -->` : line
}

/** The fingerprint a description carries, if any. */
export function markerIn(text: string | null | undefined): string | undefined {
  return text ? MARKER.exec(text)?.[1] : undefined
}

/** The subject says the count, so a changed group shows as a changed subject (and only then gets a note). */
export function subjectOf(g: TicketGroup): string {
  const n = g.count
  const where = g.kind === 'software' ? `on ${g.scope}` : g.scope === '.' ? 'at the root' : `under ${g.scope}/`
  const unit = g.kind === 'software' ? (n === 1 ? 'package' : 'packages') : n === 1 ? 'file' : 'files'
  return `[Passerelle] ${g.title}: ${n} ${unit} ${where}`
}

/** The description of a new ticket: what, where, examples, the bridge, and the marker. */
export function descriptionOf(g: TicketGroup, html = false): string {
  const lines = [
    `${g.title} (${g.ruleId}, severity ${g.severity}): ${g.count} ${g.kind === 'software' ? `package(s) on ${g.scope}` : `file(s) in ${g.scope}`}.`,
    '',
    'Examples:',
    ...g.examples.map((e) => `- ${e}`),
  ]
  if (g.bridge) {
    lines.push('', `Bridge: ${g.bridge.summary}`)
    if (g.bridge.commands.length > 0) lines.push(...g.bridge.commands.slice(0, 3).map((c) => `    ${c}`))
  }
  lines.push('', 'Opened by Passerelle; do not edit the line below, it lets the next scan find this ticket.', markerLine(g.fingerprint, html))
  return lines.join('\n')
}

/** Keep the oldest ticket per fingerprint: the original, as DefectDojo does. */
export function oldestByFingerprint(tickets: Ticket[]): Map<string, Ticket> {
  const byFp = new Map<string, Ticket>()
  for (const t of [...tickets].sort((a, b) => Number(a.id) - Number(b.id))) if (!byFp.has(t.fingerprint)) byFp.set(t.fingerprint, t)
  return byFp
}
