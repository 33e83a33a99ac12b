// The reporters by name: one module per format, each a plain function ScanResult → text.
import type {ScanResult} from '../model.js'
import {renderCsv} from './csv.js'
import {renderHtml} from './html.js'
import {renderJson} from './json.js'
import {renderJunit} from './junit.js'
import {renderMarkdown} from './markdown.js'
import {renderNdjson} from './ndjson.js'
import {renderSarif} from './sarif.js'
import {renderTable} from './table.js'

/** The output formats of `scan -f` and `report -f`. */
export const REPORT_FORMATS = ['table', 'json', 'ndjson', 'csv', 'sarif', 'junit', 'markdown', 'html'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

/** Options some reporters read. */
export type RenderOptions = {color?: boolean; csvDelimiter?: string; csvRows?: 'findings' | 'checks'}

/** Render a result in one format. */
export function renderReport(format: ReportFormat, result: ScanResult, options: RenderOptions = {}): string {
  switch (format) {
    case 'table': return renderTable(result, {color: options.color})
    case 'json': return renderJson(result)
    case 'ndjson': return renderNdjson(result)
    case 'csv': return renderCsv(result, {delimiter: options.csvDelimiter, rows: options.csvRows})
    case 'sarif': return renderSarif(result)
    case 'junit': return renderJunit(result)
    case 'markdown': return renderMarkdown(result)
    case 'html': return renderHtml(result)
  }
}
