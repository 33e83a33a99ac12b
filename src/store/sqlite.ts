// SQLite backend (better-sqlite3 12): the embedded default, one file, WAL so readers never block the writer.
import Database from 'better-sqlite3'
import {mkdirSync} from 'node:fs'
import path from 'node:path'
import type {Db} from './db.js'

// Transactions span awaits; two connections to one file in the same process would block each other
// synchronously in the busy handler. Serialise them per file here; other processes wait on busy_timeout.
const queues = new Map<string, Promise<unknown>>()
function serialised<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve()
  const next = previous.catch(() => {}).then(work)
  queues.set(key, next)
  return next
}

/** Open (creating if needed) a SQLite database file. */
export function openSqlite(file: string): Db {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), {recursive: true})
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('busy_timeout = 30000') // a second scanner on the same file waits instead of failing
  db.pragma('foreign_keys = ON')
  let depth = 0
  const key = file === ':memory:' ? `memory:${Math.random()}` : path.resolve(file)
  const tx = async <T>(work: () => Promise<T>, begin = 'BEGIN'): Promise<T> => {
    if (depth > 0) return work()
    return serialised(key, () => inTransaction(work, begin))
  }
  const inTransaction = async <T>(work: () => Promise<T>, begin: string): Promise<T> => {
    db.exec(begin)
    depth++
    try {
      const result = await work()
      db.exec('COMMIT')
      return result
    } catch (e) {
      db.exec('ROLLBACK')
      throw e
    } finally {
      depth--
    }
  }
  return {
    dialect: 'sqlite',
    async run(sql, params = []) {
      const go = async () => void db.prepare(sql).run(...(params as never[]))
      return depth > 0 ? go() : serialised(key, go)
    },
    async all(sql, params = []) {
      const go = async () => db.prepare(sql).all(...(params as never[])) as Record<string, unknown>[]
      return depth > 0 ? go() : serialised(key, go)
    },
    transaction: (work) => tx(work),
    withMigrationLock: (work) => tx(work, 'BEGIN IMMEDIATE'),
    async close() {
      db.close()
    },
  }
}
