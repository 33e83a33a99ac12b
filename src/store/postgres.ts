// PostgreSQL backend (pg): many scanners report to one database; migrations are serialised with an
// advisory lock, and batches upsert in fingerprint order so concurrent writers cannot deadlock.
import pg from 'pg'
import type {Db} from './db.js'

const MIGRATION_LOCK = 0x70617373 // "pass"

// The store writes `?` placeholders; PostgreSQL wants $1, $2…
const numbered = (sql: string) => {
  let n = 0
  return sql.replace(/\?/g, () => `$${++n}`)
}

/** Connect to a PostgreSQL database given by URL. */
export async function openPostgres(url: string): Promise<Db> {
  const client = new pg.Client({connectionString: url})
  await client.connect()
  let depth = 0
  return {
    dialect: 'postgres',
    async run(sql, params = []) {
      await client.query(numbered(sql), params)
    },
    async all(sql, params = []) {
      return (await client.query(numbered(sql), params)).rows
    },
    async transaction(work) {
      if (depth > 0) return work()
      await client.query('BEGIN')
      depth++
      try {
        const result = await work()
        await client.query('COMMIT')
        return result
      } catch (e) {
        await client.query('ROLLBACK')
        throw e
      } finally {
        depth--
      }
    },
    async withMigrationLock(work) {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
      try {
        return await work()
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK])
      }
    },
    async close() {
      await client.end()
    },
  }
}
