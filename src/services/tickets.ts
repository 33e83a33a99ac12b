// The tickets service: read a saved ScanResult, leave out suppressed findings, group the rest (one ticket
// per group: rule × folder or rule × host), and hand the groups to a tracker adapter or the Jira CSV.
import {readFile} from 'node:fs/promises'
import {ScanResult, type Finding} from '../model.js'
import {groupFindings} from '../report/group.js'
import {deepestIssue} from '../lib/zod-issue.js'
import {openTracker, renderJiraCsv, summaryLine, syncTickets, type SyncOutcome, type TicketGroup} from '../tickets/index.js'

export type SyncOptions = {tracker: string; url?: string; project: string; closeStatus?: string; dryRun?: boolean; env?: NodeJS.ProcessEnv}

/** Read and check a saved ScanResult; drop suppressed findings (they never open tickets). */
export async function readResult(file: string): Promise<ScanResult> {
  let raw: any
  try {
    raw = JSON.parse(await readFile(file, 'utf8'))
  } catch (e) {
    throw new Error(`${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`)
  }
  const parsed = ScanResult.safeParse(raw)
  if (!parsed.success) {
    const d = deepestIssue(parsed.error.issues[0]!)
    throw new Error(`${file}: not a Passerelle scan result (field ${d.path.join('.')}: ${d.message})`)
  }
  return {...parsed.data, findings: parsed.data.findings.filter((f) => !f.suppression)}
}

/** The finding groups as tickets see them, with the bridge of the group's rule. */
export function ticketGroups(findings: Finding[]): TicketGroup[] {
  return groupFindings(findings).map((g) => ({
    fingerprint: g.fingerprint, ruleId: g.ruleId, title: g.title, severity: g.severity, kind: g.kind, scope: g.scope,
    count: g.count, examples: g.examples, bridge: g.findings[0] && {summary: g.findings[0].bridge.summary, commands: g.findings[0].bridge.commands},
  }))
}

/** Sync the result's groups with a tracker (or plan it with dryRun). */
export async function syncResult(file: string, o: SyncOptions): Promise<SyncOutcome & {summary: string}> {
  const result = await readResult(file)
  const {tracker, html} = openTracker(o.tracker, {url: o.url, project: o.project, closeStatus: o.closeStatus}, o.env ?? process.env)
  const outcome = await syncTickets(ticketGroups(result.findings), tracker, {dryRun: o.dryRun, html, label: `the Passerelle scan of ${result.scope.finishedAt}`})
  return {...outcome, summary: summaryLine(outcome.counts)}
}

/** Export the result's groups for a tracker without API access. */
export async function exportResult(file: string, to: string): Promise<string> {
  if (to !== 'jira-csv') throw new Error(`unknown export "${to}" (known: jira-csv)`)
  return renderJiraCsv(ticketGroups((await readResult(file)).findings))
}
