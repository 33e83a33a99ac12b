// Open the store a target names: a postgres:// URL, or a SQLite file path (created on first use).
import type {Db} from './db.js'
import type {Store} from './records.js'
import {migrate, sqlStore} from './sql-store.js'

/** Where `--record` writes when no store is named: beside the scan, in the working directory. */
export const DEFAULT_STORE = '.passerelle/history.sqlite'

/** True when the target is a PostgreSQL URL. */
export const isPostgresUrl = (target: string) => /^postgres(ql)?:\/\//i.test(target)

/** Open and migrate a store. */
export async function openStore(target: string): Promise<Store> {
  let db: Db
  try {
    // The drivers load only when a store is used: a plain scan pays neither their memory nor their start-up.
    db = isPostgresUrl(target) ? await (await import('./postgres.js')).openPostgres(target) : (await import('./sqlite.js')).openSqlite(target)
  } catch (e) {
    throw new Error(`store ${redact(target)} cannot be opened: ${(e as Error).message}`)
  }
  await migrate(db)
  return sqlStore(db)
}

/** A store target fit for messages: the password of a URL is never printed. */
export function redact(target: string): string {
  return target.replace(/(postgres(?:ql)?:\/\/[^:/@]+:)[^@]*@/i, '$1***@')
}
