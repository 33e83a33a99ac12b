// Record a scan into a store as it streams: findings are written in batches while the walk goes on,
// counts and scores when it ends. Memory holds one batch, whatever the size of the share.
import os from 'node:os'
import type {Finding, ScanResult} from '../model.js'
import {DEFAULT_STORE, openStore} from '../store/open.js'
import {scan, type ScanOptions, TOOL_VERSION} from './scan.js'
import type {RunEnd, Store} from '../store/records.js'

const BATCH = 1000

/** A run being recorded. */
export type Recorder = {
  runId: number
  add(findings: Finding[]): Promise<void>
  finish(result: ScanResult): Promise<void>
  fail(): Promise<void>
}

export type RecordStart = {store: string; label?: string; toolVersion: string; roots: string[]; inventories: string[]}

/** The store a command uses: its flag, else PASSERELLE_STORE, else the default file. */
export function storeTarget(flag?: string): string {
  return flag || process.env.PASSERELLE_STORE || DEFAULT_STORE
}

/** Open the store and start a run. */
export async function startRecording(start: RecordStart): Promise<Recorder> {
  const store: Store = await openStore(start.store)
  const startedAt = new Date().toISOString()
  const runId = await store.startRun({...start, host: os.hostname(), startedAt})
  let buffer: Finding[] = []
  const flush = async () => {
    if (buffer.length === 0) return
    const seenAt = new Date().toISOString()
    const batch = buffer
    buffer = []
    await store.addFindings(runId, batch.map((f) => ({fingerprint: f.fingerprint, ruleId: f.ruleId, title: f.title, severity: f.severity, subject: f.subject, seenAt})))
  }
  return {
    runId,
    async add(findings) {
      buffer.push(...findings)
      if (buffer.length >= BATCH) await flush()
    },
    async finish(result) {
      await flush()
      await store.finishRun(runId, endOf(result))
      await store.close()
    },
    async fail() {
      await flush().catch(() => {})
      await store.finishRun(runId, {...endOf(undefined), status: 'failed'}).catch(() => {})
      await store.close()
    },
  }
}

function endOf(result: ScanResult | undefined): RunEnd {
  const s = result?.summary
  const scores = Object.fromEntries((result?.compliance ?? []).filter((c) => c.score !== null).map((c) => [c.framework, c.score as number]))
  const suppressed = (result?.findings ?? []).filter((f) => f.suppression)
    .map((f) => ({fingerprint: f.fingerprint, reason: f.suppression!.reason, expires: f.suppression!.expires, approvedBy: f.suppression!.approvedBy}))
  return {
    finishedAt: new Date().toISOString(), status: 'complete', rulesDigest: result?.rules.digest, artifacts: s?.artifacts ?? 0,
    software: s?.software ?? 0, findings: s?.findings ?? 0, errors: s?.errors ?? 0, byFormat: s?.byFormat ?? {},
    byFeature: s?.byFeature ?? {}, bySeverity: s?.bySeverity ?? {}, scores, suppressed,
  }
}

/** Run a scan and record it in the store as it streams; `prepare` applies suppressions, baseline and
 * scores before the run's end is written. A failed scan is recorded as failed. */
export async function recordedScan(options: ScanOptions, target: string, label?: string, prepare: (r: ScanResult) => ScanResult = (r) => r): Promise<{result: ScanResult; runId: number}> {
  const recorder = await startRecording({store: target, label, toolVersion: TOOL_VERSION, roots: options.roots, inventories: options.inventories})
  try {
    const result = prepare(await scan({...options, onFindings: (f) => recorder.add(f)}))
    await recorder.finish(result)
    return {result, runId: recorder.runId}
  } catch (e) {
    await recorder.fail()
    throw e
  }
}
