// One engine for the CSV exports of Windows inventory tools (PowerShell, Intune, ConfigMgr, Lansweeper,
// PDQ, generic with --map): each reader only says which header names hold name, version, publisher
// and host. Headers are matched case- and punctuation-insensitively (ApplicationName = "Application name").
import {parse} from 'csv-parse'
import {Readable} from 'node:stream'
import type {Software} from '../model.js'
import {InventoryError, type Reader, type ReadOptions, type Warning} from './reader.js'
import {decodeHead, hostFromFile, readHead, textChunks} from './source.js'

/** Which header names (normalised: lower case, letters and digits only) hold each field, best first. */
export type Columns = {name: string[]; version?: string[]; vendor?: string[]; host?: string[]; id?: string[]; arch?: string[]}
export type CsvSpec = {
  name: string
  description: string
  produce: string
  columns: Columns
  /** Sets of headers that, all present, say the export is this reader's; the first set is the strongest. */
  signatures: string[][]
  confidence: number
  kind?: Software['kind']
}

/** A header name reduced for matching. */
export const norm = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '')

function splitLine(line: string, delimiter: string): string[] {
  const out: string[] = []
  let cur = ''
  let quoted = false
  for (const c of line) {
    if (c === '"') quoted = !quoted
    else if (c === delimiter && !quoted) {
      out.push(cur.trim())
      cur = ''
    } else cur += c
  }
  out.push(cur.trim())
  return out
}

/** Find the header line of a CSV text: skips `#TYPE …` and Excel's `sep=;`, guesses the delimiter. */
export function csvHeader(text: string): {delimiter: string; skip: number; columns: string[]} | undefined {
  const lines = text.split(/\r?\n/, 12)
  let skip = 0
  let forced: string | undefined
  while (skip < lines.length - 1 && (/^#/.test(lines[skip]!) || /^"?sep=.?"?$/i.test(lines[skip]!) || lines[skip]!.trim() === '')) {
    forced = lines[skip]!.match(/^"?sep=(.)/i)?.[1] ?? forced
    skip++
  }
  const first = lines[skip]
  if (!first) return undefined
  const counts = [',', ';', '\t', '|'].map((d) => ({d, n: splitLine(first, d).length}))
  const delimiter = forced ?? counts.sort((a, b) => b.n - a.n)[0]!.d
  const columns = splitLine(first, delimiter)
  return columns.length >= 2 ? {delimiter, skip, columns} : undefined
}

/** Confidence of a spec for a header: its confidence when a signature is complete, else 0. */
export function sniffCsv(spec: CsvSpec, head: Buffer): number {
  const h = csvHeader(decodeHead(head))
  if (!h) return 0
  const cols = new Set(h.columns.map(norm))
  const i = spec.signatures.findIndex((sig) => sig.every((c) => cols.has(c)))
  return i === -1 ? 0 : spec.confidence - i * 0.05
}

function indexOf(header: string[], names: string[] | undefined): number {
  for (const n of names ?? []) {
    const i = header.findIndex((h) => norm(h) === n)
    if (i !== -1) return i
  }
  return -1
}

/** Stream the rows of a CSV export as Software, with the spec's columns (or options.map for generic CSV). */
export async function* readCsv(spec: CsvSpec, file: string, warn: (w: Warning) => void, options: ReadOptions = {}): AsyncGenerator<Software> {
  const h = csvHeader(decodeHead(await readHead(file)))
  if (!h) throw new InventoryError(`${file}: no CSV header line found`)
  const parser = parse({delimiter: h.delimiter, from_line: h.skip + 1, relax_quotes: true, relax_column_count: true, skip_empty_lines: true, bom: true, info: true})
  const source = Readable.from(textChunks(file))
  source.on('error', (e) => parser.destroy(e))
  source.pipe(parser)
  const columns: Columns = options.map ? Object.fromEntries(Object.entries(options.map).map(([k, v]) => [k, [norm(v)]])) as Columns : spec.columns
  let header: string[] | undefined
  let at: Record<keyof Columns, number> | undefined
  const fallbackHost = options.host ?? hostFromFile(file)
  try {
    for await (const {record, info} of parser as AsyncIterable<{record: string[]; info: {lines: number}}>) {
      if (!header) {
        header = record.map((c) => c.trim())
        at = {name: indexOf(header, columns.name), version: indexOf(header, columns.version), vendor: indexOf(header, columns.vendor),
          host: indexOf(header, columns.host), id: indexOf(header, columns.id), arch: indexOf(header, columns.arch)}
        if (at.name === -1) throw new InventoryError(`${file}: no ${columns.name.join(' or ')} column in the header (${header.join(', ')})`)
        continue
      }
      const cells = record.length > header.length && record.slice(header.length).every((c) => c.trim() === '') ? record.slice(0, header.length) : record
      if (cells.length !== header.length) {
        warn({file, line: info.lines, message: `row has ${cells.length} fields, the header has ${header.length}; row skipped`})
        continue
      }
      const cell = (i: number) => (i >= 0 ? cells[i]!.trim() : '') || undefined
      const name = cell(at!.name)
      if (!name) continue
      if (name.length > 512 || /[\u0000-\u0008]/.test(name)) {
        warn({file, line: info.lines, message: 'name longer than 512 characters or with control characters; row skipped'})
        continue
      }
      yield {
        host: cell(at!.host) ?? fallbackHost, name, vendor: cell(at!.vendor), version: cell(at!.version),
        kind: spec.kind ?? 'application', arch: cell(at!.arch), source: {file, reader: spec.name, line: info.lines},
      }
    }
  } catch (e) {
    if (e instanceof InventoryError) throw e
    throw new InventoryError(`${file}: broken CSV (${(e as Error).message.split('\n')[0]}); is the export truncated?`, 'truncated')
  }
}

/** A Reader for one CSV spec. */
export function csvReader(spec: CsvSpec): Reader {
  return {
    name: spec.name, description: spec.description, produce: spec.produce,
    sniff: (head) => sniffCsv(spec, head),
    read: (file, warn, options) => readCsv(spec, file, warn, options),
  }
}
