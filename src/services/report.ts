// The report service: turns a ScanResult into the outputs asked for. It applies the suppressions and the
// baseline, scores the frameworks, then renders the main format (stdout or -o) and every extra output
// (--sarif-output, --html-output, …) from the same result, so one scan feeds people and tools alike.
import {existsSync, readFileSync} from 'node:fs'
import {writeFile} from 'node:fs/promises'
import {writeChunks} from '../lib/output.js'
import {ScanResult} from '../model.js'
import {compareWithBaseline, readBaseline, renderBaseline} from '../report/baseline.js'
import {scoreFramework} from '../report/compliance.js'
import {selectFrameworks} from '../report/frameworks.js'
import {renderChunks, REPORT_FORMATS, type ReportFormat} from '../report/render.js'
import {applySuppressions, IGNORE_FILE, readIgnoreFile} from '../report/suppress.js'

/** What the user asked of the reports (from the shared report flags). */
export type ReportRequest = {
  format: ReportFormat
  output?: string
  /** Extra outputs written in the same run: format → file. */
  extra: {format: ReportFormat; file: string}[]
  frameworks: string[]
  baseline?: string
  writeBaseline?: string
  /** The ignore file; undefined = .passerelle-ignore.yaml in the current folder when it exists. */
  ignoreFile?: string
  csvDelimiter?: string
  csvRows?: 'findings' | 'checks'
  color?: boolean
}

/** Build a request from the parsed report flags (see lib/report-flags.ts). */
export function reportRequest(flags: Record<string, unknown>, color: boolean): ReportRequest {
  const extra = REPORT_FORMATS.filter((f) => f !== 'table' && typeof flags[`${f}-output`] === 'string').map((f) => ({format: f, file: flags[`${f}-output`] as string}))
  const request: ReportRequest = {
    format: flags.format as ReportFormat, output: flags.output as string | undefined, extra, frameworks: (flags.framework as string[] | undefined) ?? [],
    baseline: flags.baseline as string | undefined, writeBaseline: flags['write-baseline'] as string | undefined, ignoreFile: flags['ignore-file'] as string | undefined,
    csvDelimiter: flags['csv-delimiter'] === '\\t' || flags['csv-delimiter'] === 'tab' ? '\t' : (flags['csv-delimiter'] as string | undefined),
    csvRows: flags['csv-rows'] as 'findings' | 'checks' | undefined, color: color && !flags.output,
  }
  // Fail before a long scan, not after it: unknown framework, missing baseline, broken ignore file.
  selectFrameworks(request.frameworks)
  if (request.baseline) readBaseline(request.baseline)
  if (request.ignoreFile) {
    if (!existsSync(request.ignoreFile)) throw new Error(`ignore file ${request.ignoreFile} does not exist`)
    readIgnoreFile(request.ignoreFile)
  }
  return request
}

/** Read a saved ScanResult (`scan -f json`); the error names the file and the first bad field. */
export function loadResult(file: string): ScanResult {
  let data: unknown
  try {
    data = JSON.parse(readFileSync(file, 'utf8'))
  } catch (e) {
    throw new Error(`${file}: cannot read a scan result: ${(e as Error).message}`)
  }
  const parsed = ScanResult.safeParse(data)
  if (!parsed.success) throw new Error(`${file}: not a passerelle scan result: field ${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`)
  return parsed.data
}

/** Apply suppressions, baseline and framework scores to a result (a new result; the input is unchanged). */
export function prepareResult(result: ScanResult, req: ReportRequest): ScanResult {
  let out: ScanResult = {...result}
  const ignoreFile = req.ignoreFile ?? (existsSync(IGNORE_FILE) ? IGNORE_FILE : undefined)
  if (ignoreFile) {
    const {findings, register} = applySuppressions(out.findings, readIgnoreFile(ignoreFile))
    out = {...out, findings, suppressions: register}
  }
  if (req.baseline) {
    const {findings, comparison} = compareWithBaseline(out.findings, readBaseline(req.baseline), req.baseline)
    out = {...out, findings, baseline: comparison}
  }
  const frameworks = selectFrameworks(req.frameworks.length ? req.frameworks : (result.scope.frameworks ?? []))
  out = {...out, summary: {...out.summary, suppressed: out.findings.filter((f) => f.suppression).length}, scope: {...out.scope, frameworks: frameworks.map((f) => f.Framework)}}
  return {...out, compliance: frameworks.map((f) => scoreFramework(out, f))}
}

/** Render and write every output, chunk by chunk; the main report goes to -o FILE or stdout. */
export async function writeReports(result: ScanResult, req: ReportRequest): Promise<void> {
  const options = {csvDelimiter: req.csvDelimiter, csvRows: req.csvRows}
  for (const x of req.extra) await writeChunks(renderChunks(x.format, result, options), x.file)
  if (req.writeBaseline) await writeFile(req.writeBaseline, renderBaseline(result))
  await writeChunks(renderChunks(req.format, result, {...options, color: req.color}), req.output)
}
