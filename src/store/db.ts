// The few SQL operations the store needs, so one store implementation serves both backends.
import type {Dialect} from './migrations.js'

export type Row = Record<string, unknown>

/** A connection: run statements with `?` placeholders, read rows, and group work in a transaction. */
export type Db = {
  dialect: Dialect
  run(sql: string, params?: unknown[]): Promise<void>
  all(sql: string, params?: unknown[]): Promise<Row[]>
  transaction<T>(work: () => Promise<T>): Promise<T>
  /** Serialise schema migrations between processes opening the same database. */
  withMigrationLock<T>(work: () => Promise<T>): Promise<T>
  close(): Promise<void>
}
