// The reporters by name: one module per format, each a plain function ScanResult → text.
import type {ScanResult} from '../model.js'
import {csvChunks} from './csv.js'
import {renderHtml} from './html.js'
import {jsonChunks} from './json.js'
import {junitChunks} from './junit.js'
import {renderMarkdown} from './markdown.js'
import {ndjsonChunks} from './ndjson.js'
import {sarifChunks} from './sarif.js'
import {renderTable} from './table.js'

/** The output formats of `scan -f` and `report -f`. */
export const REPORT_FORMATS = ['table', 'json', 'ndjson', 'csv', 'sarif', 'junit', 'markdown', 'html'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

/** Options some reporters read. */
export type RenderOptions = {color?: boolean; csvDelimiter?: string; csvRows?: 'findings' | 'checks'}

/** Render a result in one format, as chunks of text: the machine formats stream their findings. */
export function* renderChunks(format: ReportFormat, result: ScanResult, options: RenderOptions = {}): Generator<string> {
  switch (format) {
    case 'table': return yield renderTable(result, {color: options.color})
    case 'json': return yield* jsonChunks(result)
    case 'ndjson': return yield* ndjsonChunks(result)
    case 'csv': return yield* csvChunks(result, {delimiter: options.csvDelimiter, rows: options.csvRows})
    case 'sarif': return yield* sarifChunks(result)
    case 'junit': return yield* junitChunks(result)
    case 'markdown': return yield renderMarkdown(result)
    case 'html': return yield renderHtml(result)
  }
}

/** Render a result in one format as one string (for small results and tests). */
export function renderReport(format: ReportFormat, result: ScanResult, options: RenderOptions = {}): string {
  return [...renderChunks(format, result, options)].join('')
}
