// The identify service: walk the roots, identify and probe each file, and stream Artifacts.
import path from 'node:path'
import {openSource, type Source} from '../containers/source.js'
import {openSourceSync} from '../containers/sync-source.js'
import {isCfb} from '../containers/cfb.js'
import {isZip} from '../containers/zip.js'
import {formatById} from '../identify/formats.js'
import {identify} from '../identify/identify.js'
import {checkRoots, walk, type WalkedEntry, type WalkOptions} from '../identify/walk.js'
import {encodeName, hasEscapedBytes} from '../lib/fs-names.js'
import type {Artifact} from '../model.js'
import {printRecords, recalledArtifact, type PrintedRecords} from '../report/artifacts.js'
import {DEFAULT_PROBE_BUDGET_MS, probe} from '../probes/index.js'
import {recall, type ContentFindings} from './content-memo.js'
import {mapConcurrent} from './pool.js'
import {identifyInWorkers} from './workers.js'

export type IdentifyOptions = WalkOptions & {
  concurrency?: number
  probes?: boolean
  /** Try Excel's documented default password on encrypted files, to confirm it and read behind it (default on). */
  defaultPassword?: boolean
  /** Per-file time budget in ms (default 30 s): past it the file gets a budget-exceeded record and the scan goes on. */
  fileTimeout?: number
  /** Per-file read budget in bytes (default 64 MiB). */
  fileBytes?: number
  /** Worker threads identifying files (0: identify on this thread with async reads, `concurrency` at once). */
  workers?: number
  /** Blocking positioned reads (what the worker threads use). */
  syncReads?: boolean
  /** Reuse the findings of identical content read earlier in the scan (default on; off measures each copy). */
  dedupe?: boolean
  /** With syncReads, one file at a time: memory of WHOLE_FILE bytes that heads are read into. */
  scratch?: Buffer
  /** Workers answer with printed records (PrintedRecords) instead of artifacts: see identifyPrinted. */
  printed?: boolean
}

/** The per-file budgets used when none are given. */
export const DEFAULT_BUDGETS = {fileTimeout: 30_000, fileBytes: 64 * 1024 * 1024}

const extensionOf = (p: string) => path.extname(p).slice(1).toLowerCase()
/** Scratch memory for heads and whole small files, per worker. */
export const WHOLE_FILE = 256 * 1024
// The probes read dozens of small ranges of a ZIP or OLE2 container (every part, every stream) or of a
// PDF (xref, objects): below this size one read of the whole file is cheaper than the system calls and
// pulls hardly more pages than the ranges would. Above it, the ranges alone: files are opened with
// readahead advice (lib/readahead.ts), so a cold cache or a share pays only for the pages read.
const WIDEN_BELOW = 32 * 1024
const probedWhole = (head: Buffer) => isZip(head) || isCfb(head) || head.subarray(0, 1024).includes('%PDF-')

/** Identify one walked entry; never throws: problems become the record's error. */
export async function identifyEntry(entry: WalkedEntry, options: IdentifyOptions = {}): Promise<Artifact> {
  const base: Artifact = {
    path: entry.path, root: entry.root, relativePath: entry.relativePath, size: entry.size ?? 0, mtime: entry.mtime,
    extension: extensionOf(entry.path), format: 'unknown', basis: [], extensionMismatch: false, features: [], warnings: [],
  }
  if (hasEscapedBytes(entry.path)) base.pathBase64 = encodeName(entry.path).toString('base64')
  if (entry.problem) return {...base, error: entry.problem}
  const timeout = options.fileTimeout ?? DEFAULT_BUDGETS.fileTimeout
  let source: Source
  try {
    source = await (options.syncReads ? openSourceSync : openSource)(entry.fsPath ?? (base.pathBase64 ? encodeName(entry.path) : entry.path), {byteBudget: options.fileBytes ?? DEFAULT_BUDGETS.fileBytes, deadline: Date.now() + timeout, scratch: options.syncReads ? options.scratch : undefined})
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO'
    return {...base, error: {code, message: `cannot open ${entry.path}: ${(e as Error).message}`}}
  }
  base.size = source.size
  base.mtime ??= source.mtime?.toISOString()
  // In a worker every read blocks, so a timer could not fire before the work ends: the read deadline and
  // the pool's watchdog bound the time there, and the per-file timer is skipped.
  if (options.syncReads) {
    const result = await inspect(base, source, options)
    await source.close().catch(() => {})
    return result
  }
  // Reads past the deadline fail inside the work; the timer answers even if the work is stuck elsewhere.
  let timer: NodeJS.Timeout | undefined
  let timedOut = false
  const late = new Promise<Artifact>((resolve) => {
    timer = setTimeout(() => {
      timedOut = true
      resolve({...base, error: {code: 'budget-exceeded', message: `identification took longer than the ${timeout} ms budget`}})
    }, timeout + 1000)
  })
  const work = inspect(base, source, options)
  const result = await Promise.race([work, late])
  clearTimeout(timer)
  const closed = work.finally(() => source.close().catch(() => {}))
  if (!timedOut) await closed // when late, the file is closed whenever the stuck work stops
  return result
}

async function inspect(base: Artifact, source: Source, options: IdentifyOptions): Promise<Artifact> {
  const started = Date.now()
  try {
    const probing = options.probes !== false
    const defaultPassword = options.defaultPassword !== false
    // What else the findings depend on: the extension (a tie-break) and the settings of this scan.
    const context = `${base.extension}.${probing ? 'p' : ''}${defaultPassword ? 'd' : ''}`
    const memo = options.dedupe === false ? undefined : await recall(source, context)
    if (memo?.known) return recalledArtifact(base, memo.known)
    if (probing && source.size <= WIDEN_BELOW && probedWhole(source.head)) await source.widen?.(source.size).catch(() => {}) // only a saving: past the byte budget, read in parts
    // The default-password attempt costs 50,000-100,000 hash rounds per encrypted package: it belongs to
    // the deep inspection, so identification alone (--no-probes) names such packages by their extension.
    const id = await identify(source, base.extension, {defaultPassword: defaultPassword && probing})
    const found = !probing || id.error ? {features: [], metadata: {}, warnings: []} : await probe(id.inspection, {defaultPassword: options.defaultPassword})
    const info = formatById(id.format)
    const metadata = Object.keys(found.metadata).length > 0 ? found.metadata : undefined
    const findings: ContentFindings = {
      format: id.format, puid: info?.puid, mime: info?.mime, basis: id.basis, extensionMismatch: id.extensionMismatch,
      features: found.features, application: metadata?.application, metadata, warnings: [...id.warnings, ...found.warnings],
    }
    // A result that ran near a time budget may have been cut short: it depends on more than the bytes.
    if (!id.error && Date.now() - started < Math.min(DEFAULT_PROBE_BUDGET_MS, options.fileTimeout ?? DEFAULT_BUDGETS.fileTimeout) / 2) memo?.remember(findings)
    return {...base, ...findings, error: id.error}
  } catch (e) {
    // Anything without a code here is a bug in Passerelle, not a property of the file: say so.
    return {...base, error: {code: (e as {code?: string}).code ?? 'internal-error', message: (e as Error).message}}
  }
}

/** Stream the Artifacts of every file under the roots. Missing roots throw RootError before any output. */
export async function* identifyRoots(roots: string[], options: IdentifyOptions = {}): AsyncGenerator<Artifact> {
  yield* identifyAll(roots, {...options, printed: false}, ARTIFACTS)
}

/** The same records as identifyRoots, printed as NDJSON lines (what `identify --format ndjson` writes), in
 * batches. The workers print them: the main thread, which also walks and writes, then neither parses nor
 * prints them, nor passes them on one by one. */
export async function* identifyPrinted(roots: string[], options: IdentifyOptions = {}): AsyncGenerator<PrintedRecords> {
  yield* identifyAll(roots, {...options, printed: true}, PRINTED)
}

/** How records travel: the form made of an artifact on this thread, and what a worker's message holds
 * (a JSON array of artifacts, or PrintedRecords when options.printed). */
export type RecordForm<T> = {of(a: Artifact): T; decode(message: unknown): {items: T[]; files: number}}

const ARTIFACTS: RecordForm<Artifact> = {
  of: (a) => a,
  decode(message) {
    const items = JSON.parse(message as string) as Artifact[]
    return {items, files: items.length}
  },
}
const PRINTED: RecordForm<PrintedRecords> = {
  of: (a) => printRecords([a]),
  decode: (message) => ({items: [message as PrintedRecords], files: (message as PrintedRecords).records.length}),
}

async function* identifyAll<T>(roots: string[], options: IdentifyOptions, form: RecordForm<T>): AsyncGenerator<T> {
  await checkRoots(roots)
  const entries = walk(roots, options)
  if ((options.workers ?? 0) > 0) yield* identifyInWorkers(entries, options.workers!, options, form)
  else yield* mapConcurrent(entries, options.concurrency ?? 16, async (entry) => form.of(await identifyEntry(entry, options)))
}
