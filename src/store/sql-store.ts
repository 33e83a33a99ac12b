// The store, written once over the Db operations: both backends share every statement.
import type {Db, Row} from './db.js'
import {MIGRATIONS} from './migrations.js'
import {StoredFinding, StoredRun} from '../model.js'
import type {Store} from './records.js'

const BATCH = 500

/** Apply the migrations this database has not seen yet. */
export async function migrate(db: Db): Promise<number> {
  return db.withMigrationLock(async () => {
    await db.run('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)')
    const done = new Set((await db.all('SELECT version FROM schema_migrations')).map((r) => Number(r.version)))
    for (const m of MIGRATIONS.filter((x) => !done.has(x.version))) {
      await db.transaction(async () => {
        for (const sql of m.sql(db.dialect)) await db.run(sql)
        await db.run('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)', [m.version, new Date().toISOString()])
      })
    }
    return Math.max(0, ...MIGRATIONS.map((m) => m.version))
  })
}

const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v)

function toRun(r: Row, counts: Row[]): StoredRun {
  const pick = (kind: string) => Object.fromEntries(counts.filter((c) => c.kind === kind).map((c) => [String(c.key), Number(c.count)]))
  return StoredRun.parse({
    id: Number(r.id), label: r.label ?? undefined, host: r.host, status: r.status, startedAt: r.started_at,
    finishedAt: r.finished_at ?? undefined, toolVersion: r.tool_version, rulesDigest: r.rules_digest ?? undefined,
    roots: json(r.roots), inventories: json(r.inventories), artifacts: Number(r.artifacts), software: Number(r.software),
    findings: Number(r.findings), errors: Number(r.errors), byFormat: pick('format'), byFeature: pick('feature'),
    bySeverity: pick('severity'), scores: json(r.scores),
  })
}

// Multi-row VALUES lists: one statement per batch is what makes PostgreSQL fast over a network.
const values = (rows: number, columns: number) => Array.from({length: rows}, () => `(${Array(columns).fill('?').join(', ')})`).join(', ')

/** A Store over an open, migrated Db. */
export function sqlStore(db: Db): Store {
  return {
    kind: db.dialect,
    async startRun(s) {
      const rows = await db.all(
        'INSERT INTO runs (label, host, status, started_at, tool_version, rules_digest, roots, inventories) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id',
        [s.label ?? null, s.host, 'running', s.startedAt, s.toolVersion, s.rulesDigest ?? null, JSON.stringify(s.roots), JSON.stringify(s.inventories)],
      )
      return Number(rows[0]!.id)
    },
    async addFindings(runId, findings) {
      // Sorted by fingerprint, every writer takes row locks in the same order: no deadlock between scanners.
      const sorted = [...new Map(findings.map((f) => [f.fingerprint, f])).values()].sort((a, b) => (a.fingerprint < b.fingerprint ? -1 : 1))
      for (let i = 0; i < sorted.length; i += BATCH) {
        const part = sorted.slice(i, i + BATCH)
        await db.transaction(async () => {
          await db.run(
            `INSERT INTO findings (fingerprint, rule_id, title, severity, subject, first_seen_run, first_seen_at, last_seen_run, last_seen_at)
             VALUES ${values(part.length, 9)}
             ON CONFLICT (fingerprint) DO UPDATE SET last_seen_run = excluded.last_seen_run, last_seen_at = excluded.last_seen_at,
               severity = excluded.severity, title = excluded.title`,
            part.flatMap((f) => [f.fingerprint, f.ruleId, f.title, f.severity, JSON.stringify(f.subject), runId, f.seenAt, runId, f.seenAt]),
          )
          await db.run(`INSERT INTO run_findings (run_id, fingerprint) VALUES ${values(part.length, 2)} ON CONFLICT DO NOTHING`, part.flatMap((f) => [runId, f.fingerprint]))
        })
      }
    },
    async finishRun(runId, e) {
      await db.transaction(async () => {
        await db.run('UPDATE runs SET status = ?, finished_at = ?, artifacts = ?, software = ?, findings = ?, errors = ?, scores = ?, rules_digest = COALESCE(?, rules_digest) WHERE id = ?', [
          e.status, e.finishedAt, e.artifacts, e.software, e.findings, e.errors, JSON.stringify(e.scores), e.rulesDigest ?? null, runId,
        ])
        const counts = [
          ...Object.entries(e.byFormat).map(([k, n]) => ['format', k, n] as const),
          ...Object.entries(e.byFeature).map(([k, n]) => ['feature', k, n] as const),
          ...Object.entries(e.bySeverity).map(([k, n]) => ['severity', k, n] as const),
        ]
        for (let i = 0; i < counts.length; i += BATCH) {
          const part = counts.slice(i, i + BATCH)
          await db.run(`INSERT INTO run_counts (run_id, kind, key, count) VALUES ${values(part.length, 4)}`, part.flatMap(([k, key, n]) => [runId, k, key, n]))
        }
        for (let i = 0; i < e.suppressed.length; i += BATCH) {
          const part = e.suppressed.slice(i, i + BATCH)
          await db.run(`INSERT INTO suppressions (run_id, fingerprint, reason, expires, approved_by) VALUES ${values(part.length, 5)} ON CONFLICT DO NOTHING`,
            part.flatMap((s) => [runId, s.fingerprint, s.reason, s.expires ?? null, s.approvedBy ?? null]))
        }
      })
    },
    async runs(filter = {}) {
      const rows = filter.since
        ? await db.all('SELECT * FROM runs WHERE started_at >= ? ORDER BY started_at, id', [filter.since])
        : await db.all('SELECT * FROM runs ORDER BY started_at, id')
      if (rows.length === 0) return []
      const counts = await db.all(`SELECT * FROM run_counts WHERE run_id IN (${rows.map(() => '?').join(', ')})`, rows.map((r) => r.id))
      return rows.map((r) => toRun(r, counts.filter((c) => Number(c.run_id) === Number(r.id))))
    },
    async run(id) {
      const rows = await db.all('SELECT * FROM runs WHERE id = ?', [id])
      if (rows.length === 0) return undefined
      return toRun(rows[0]!, await db.all('SELECT * FROM run_counts WHERE run_id = ?', [id]))
    },
    async runFindings(id) {
      const rows = await db.all(
        'SELECT f.* FROM run_findings rf JOIN findings f ON f.fingerprint = rf.fingerprint WHERE rf.run_id = ? ORDER BY f.rule_id, f.fingerprint', [id])
      return rows.map((r) => StoredFinding.parse({
        fingerprint: r.fingerprint, ruleId: r.rule_id, title: r.title, severity: r.severity, subject: json(r.subject),
        firstSeenRun: Number(r.first_seen_run), firstSeenAt: r.first_seen_at, lastSeenRun: Number(r.last_seen_run), lastSeenAt: r.last_seen_at,
      }))
    },
    async linkTicket(l) {
      await db.run('INSERT INTO ticket_links (fingerprint, tracker, ticket, url) VALUES (?, ?, ?, ?) ON CONFLICT (fingerprint, tracker) DO UPDATE SET ticket = excluded.ticket, url = excluded.url',
        [l.fingerprint, l.tracker, l.ticket, l.url ?? null])
    },
    async ticketLinks(tracker) {
      return (await db.all('SELECT * FROM ticket_links WHERE tracker = ? ORDER BY fingerprint', [tracker]))
        .map((r) => ({fingerprint: String(r.fingerprint), tracker: String(r.tracker), ticket: String(r.ticket), url: r.url ? String(r.url) : undefined}))
    },
    close: () => db.close(),
  }
}
