// The sync algorithm, the same for every tracker: for each finding group find its ticket by fingerprint;
// none → create; open with a changed subject (count) → note + new subject; open and identical → leave it
// (never re-post identical notes); closed → reopen. Open Passerelle tickets whose group is gone → close.
import {descriptionOf, oldestByFingerprint, subjectOf, type Ticket, type TicketGroup, type Tracker} from './tracker.js'

export type SyncAction = 'create' | 'update' | 'reopen' | 'close' | 'unchanged'

/** One line of the plan: what happens to which group or ticket. */
export type PlannedAction = {action: SyncAction; fingerprint: string; subject: string; ticket?: Ticket; group?: TicketGroup}

/** What a sync did (or, with dryRun, would do). */
export type SyncOutcome = {counts: Record<SyncAction, number>; actions: PlannedAction[]; customField: boolean}

/** Decide, reading the tracker only, what the sync has to do. */
export async function planSync(groups: TicketGroup[], tracker: Tracker): Promise<PlannedAction[]> {
  await tracker.prepare()
  const open = oldestByFingerprint(await tracker.listOpen())
  const plan: PlannedAction[] = []
  const seen = new Set<string>()
  for (const group of groups) {
    if (seen.has(group.fingerprint)) continue
    seen.add(group.fingerprint)
    const subject = subjectOf(group)
    const ticket = open.get(group.fingerprint) ?? (await tracker.find(group.fingerprint))
    const action: SyncAction = !ticket ? 'create' : !ticket.open ? 'reopen' : ticket.subject !== subject ? 'update' : 'unchanged'
    plan.push({action, fingerprint: group.fingerprint, subject, ticket, group})
  }
  for (const [fingerprint, ticket] of open) if (!seen.has(fingerprint)) plan.push({action: 'close', fingerprint, subject: ticket.subject, ticket})
  return plan
}

/** Carry out a plan, one request at a time (trackers rate-limit writes); `label` names the run in notes. */
export async function applyPlan(plan: PlannedAction[], tracker: Tracker, label: string, html: boolean): Promise<void> {
  for (const p of plan) {
    const g = p.group
    if (p.action === 'create') p.ticket = await tracker.create({fingerprint: p.fingerprint, subject: p.subject, description: descriptionOf(g!, html), severity: g!.severity})
    else if (p.action === 'update') await tracker.comment(p.ticket!, `Seen again in ${label}: ${g!.count} now (was: ${p.ticket!.subject}).`, p.subject)
    else if (p.action === 'reopen') await tracker.reopen(p.ticket!, `Seen again in ${label} after it was closed: ${g!.count} found. Reopened.`, p.subject)
    else if (p.action === 'close') await tracker.close(p.ticket!, `Not found any more in ${label}: closed by Passerelle.`)
  }
}

/** Plan, then apply unless dryRun; count each action. */
export async function syncTickets(groups: TicketGroup[], tracker: Tracker, options: {dryRun?: boolean; label: string; html?: boolean}): Promise<SyncOutcome> {
  const actions = await planSync(groups, tracker)
  if (!options.dryRun) await applyPlan(actions, tracker, options.label, options.html ?? false)
  const counts = {create: 0, update: 0, reopen: 0, close: 0, unchanged: 0}
  for (const a of actions) counts[a.action]++
  return {counts, actions, customField: tracker.usesCustomField()}
}

/** The summary line every sync prints. */
export function summaryLine(c: Record<SyncAction, number>): string {
  return `created ${c.create}, updated ${c.update}, reopened ${c.reopen}, closed ${c.close}, unchanged ${c.unchanged}`
}
