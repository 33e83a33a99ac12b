// Versioned schema migrations, applied in order on open. Each entry is SQL for both dialects; the
// differences are only the auto-increment id and big integers.
export type Dialect = 'sqlite' | 'postgres'

const id = (d: Dialect) => (d === 'sqlite' ? 'INTEGER PRIMARY KEY AUTOINCREMENT' : 'BIGSERIAL PRIMARY KEY')
const big = (d: Dialect) => (d === 'sqlite' ? 'INTEGER' : 'BIGINT')

/** Migrations by version: never edit a released one, add the next. */
export const MIGRATIONS: Array<{version: number; sql: (d: Dialect) => string[]}> = [
  {
    version: 1,
    sql: (d) => [
      `CREATE TABLE runs (id ${id(d)}, label TEXT, host TEXT NOT NULL, status TEXT NOT NULL, started_at TEXT NOT NULL,
        finished_at TEXT, tool_version TEXT NOT NULL, rules_digest TEXT, roots TEXT NOT NULL, inventories TEXT NOT NULL,
        artifacts ${big(d)} NOT NULL DEFAULT 0, software ${big(d)} NOT NULL DEFAULT 0, findings ${big(d)} NOT NULL DEFAULT 0,
        errors ${big(d)} NOT NULL DEFAULT 0, scores TEXT NOT NULL DEFAULT '{}')`,
      `CREATE TABLE run_counts (run_id ${big(d)} NOT NULL REFERENCES runs(id) ON DELETE CASCADE, kind TEXT NOT NULL, key TEXT NOT NULL,
        count ${big(d)} NOT NULL, PRIMARY KEY (run_id, kind, key))`,
      `CREATE TABLE findings (fingerprint TEXT PRIMARY KEY, rule_id TEXT NOT NULL, title TEXT NOT NULL, severity TEXT NOT NULL,
        subject TEXT NOT NULL, first_seen_run ${big(d)} NOT NULL, first_seen_at TEXT NOT NULL, last_seen_run ${big(d)} NOT NULL,
        last_seen_at TEXT NOT NULL)`,
      `CREATE TABLE run_findings (run_id ${big(d)} NOT NULL REFERENCES runs(id) ON DELETE CASCADE, fingerprint TEXT NOT NULL,
        PRIMARY KEY (run_id, fingerprint))`,
      `CREATE TABLE suppressions (run_id ${big(d)} NOT NULL REFERENCES runs(id) ON DELETE CASCADE, fingerprint TEXT NOT NULL,
        reason TEXT NOT NULL, expires TEXT, approved_by TEXT, PRIMARY KEY (run_id, fingerprint))`,
      `CREATE TABLE ticket_links (fingerprint TEXT NOT NULL, tracker TEXT NOT NULL, ticket TEXT NOT NULL, url TEXT,
        PRIMARY KEY (fingerprint, tracker))`,
      'CREATE INDEX runs_started ON runs (started_at)',
    ],
  },
]

/** The newest schema version this code knows. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version
