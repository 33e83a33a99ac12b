// The inventory service: read exports with their readers (sniffed or named), normalised, and render
// them as a table, NDJSON, JSON or CSV. Rows stream: only the json format holds them all.
import {readers, readInventory} from '../inventory/read.js'
import type {ReadOptions, Warning} from '../inventory/reader.js'
import type {Software} from '../model.js'

export type InventoryOptions = ReadOptions & {reader?: string}
export const MAP_FIELDS = ['name', 'version', 'vendor', 'host', 'arch', 'id'] as const

/** Parse `--map name=Col,version=Col`: unknown fields are an error (a typo must not silently drop data). */
export function parseMap(text: string): Record<string, string> {
  const map: Record<string, string> = {}
  for (const pair of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const at = pair.indexOf('=')
    const field = pair.slice(0, at).trim().toLowerCase().replace(/^publisher$/, 'vendor')
    if (at < 1 || !pair.slice(at + 1).trim()) throw new Error(`--map: "${pair}" is not field=Column`)
    if (!(MAP_FIELDS as readonly string[]).includes(field)) throw new Error(`--map: unknown field "${field}"; fields: ${MAP_FIELDS.join(', ')}`)
    map[field] = pair.slice(at + 1).trim()
  }
  if (!map.name) throw new Error('--map needs at least name=Column')
  return map
}

/** The readers, for `inventory --list-readers` and the README. */
export async function listReaders() {
  return (await readers()).map((r) => ({name: r.name, description: r.description, produce: r.produce}))
}

/** Stream the normalised rows of every export, in order. An unreadable export throws InventoryError. */
export async function* readExports(files: string[], options: InventoryOptions, onWarning: (w: Warning) => void): AsyncGenerator<Software> {
  for (const file of files) yield* readInventory(file, onWarning, options.reader, options)
}

const COLUMNS = ['host', 'name', 'version', 'vendor', 'product', 'kind', 'versionScheme', 'reader', 'line'] as const

function cell(row: Software, column: (typeof COLUMNS)[number]): string {
  if (column === 'reader') return row.source.reader
  if (column === 'line') return String(row.source.line ?? row.source.path ?? '')
  return String(row[column] ?? '')
}

/** One CSV line (RFC 4180 quoting), header when no row is given. */
export function csvLine(row?: Software): string {
  const cells = row ? COLUMNS.map((c) => cell(row, c)) : [...COLUMNS]
  return `${cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')}\n`
}

/** One aligned table line, header when no row is given. */
export function tableLine(row?: Software): string {
  const widths = [16, 44, 20, 20, 28, 11]
  const cells = row ? [row.host, row.name, row.version ?? '', row.vendor ?? '', row.product ?? '', row.kind] : ['HOST', 'NAME', 'VERSION', 'VENDOR', 'PRODUCT', 'KIND']
  return `${cells.map((c, i) => (c.length > widths[i]! ? `${c.slice(0, widths[i]! - 1)}…` : c.padEnd(widths[i]!))).join(' ').trimEnd()}\n`
}
