// The shape of an inventory reader (DESIGN.md): sniff the content, then stream Software rows.
import type {Software} from '../model.js'

/** A problem with one row: the row is skipped, the rest is read. */
export type Warning = {file: string; line?: number; message: string}

/** What a run may tell a reader: a column map for generic CSV, a host for exports that name none. */
export type ReadOptions = {map?: Record<string, string>; host?: string}

/** A parser for one inventory export format. */
export type Reader = {
  name: string
  description: string
  /** How an admin produces this export (the README table is checked against it). */
  produce?: string
  /** 0..1: how sure the reader is that this content is its format (content first, name second). */
  sniff(head: Buffer, fileName: string): number
  read(file: string, warn: (w: Warning) => void, options?: ReadOptions): AsyncIterable<Software>
}

/** Raised when an export cannot be read at all (undecodable, truncated, no reader accepts it). */
export class InventoryError extends Error {
  readonly code: string
  constructor(message: string, code = 'bad-inventory') {
    super(message)
    this.code = code
  }
}
