// The store's interface and the shapes it writes; what it reads back (StoredRun, StoredFinding) is in model.ts.
import type {StoredFinding, StoredRun} from '../model.js'

/** What a run starts with. */
export type RunStart = {label?: string; host: string; startedAt: string; toolVersion: string; rulesDigest?: string; roots: string[]; inventories: string[]}

/** What a run ends with. */
export type RunEnd = {
  finishedAt: string
  rulesDigest?: string
  status: 'complete' | 'failed'
  artifacts: number
  software: number
  findings: number
  errors: number
  byFormat: Record<string, number>
  byFeature: Record<string, number>
  bySeverity: Record<string, number>
  scores: Record<string, number>
  suppressed: Array<{fingerprint: string; reason: string; expires?: string; approvedBy?: string}>
}

/** A link between a finding group or finding and a ticket. */
export type TicketLink = {fingerprint: string; tracker: string; ticket: string; url?: string}

/** One interface, two backends (SQLite embedded, PostgreSQL for fleets). */
export type Store = {
  kind: 'sqlite' | 'postgres'
  startRun(start: RunStart): Promise<number>
  /** Record findings seen by a run (a batch, written in one transaction). */
  addFindings(runId: number, findings: Array<{fingerprint: string; ruleId: string; title: string; severity: string; subject: unknown; seenAt: string}>): Promise<void>
  finishRun(runId: number, end: RunEnd): Promise<void>
  runs(filter?: {since?: string}): Promise<StoredRun[]>
  run(id: number): Promise<StoredRun | undefined>
  /** The findings a run saw. */
  runFindings(id: number): Promise<StoredFinding[]>
  linkTicket(link: TicketLink): Promise<void>
  ticketLinks(tracker: string): Promise<TicketLink[]>
  close(): Promise<void>
}
