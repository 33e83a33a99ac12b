// Run every probe that applies to an inspected file and merge what they found.
import type {Inspection} from '../containers/opened.js'
import {accessProbe} from './access.js'
import {compoundProbe} from './ole2.js'
import {packageProbe} from './package.js'
import {pdfProbe} from './pdf.js'
import {plainProbe} from './plain.js'
import {pstProbe} from './pst.js'
import {mergeFeatures, type Probe, type ProbeOptions, type ProbeResult} from './probe.js'

/** The probes, in the order they run: one per container family. */
export const PROBES: Probe[] = [compoundProbe, packageProbe, pdfProbe, accessProbe, pstProbe, plainProbe]

/** How long the probes may work on one file unless told otherwise. */
export const DEFAULT_PROBE_BUDGET_MS = 10_000

/** Per-file limits of the probes (bytes are capped by the Source's budget and each reader's caps). */
export type ProbeSettings = {timeBudgetMs?: number; defaultPassword?: boolean}

// Container readers throw coded errors; a Buffer read past the end of a structure means the file's
// offsets or sizes lie, which is a corrupt file too. Anything else keeps its name, so bugs show.
function codeOf(e: unknown): string {
  const code = (e as {code?: unknown}).code
  if (typeof code === 'string' && !code.startsWith('ERR_')) return code
  if (code === 'ERR_OUT_OF_RANGE' || code === 'ERR_BUFFER_OUT_OF_BOUNDS' || e instanceof RangeError) return 'corrupt-container'
  return (e as Error).name ?? 'Error'
}

/** Run the probes on one file; a probe that fails adds a warning and the others still run. */
export async function probe(inspection: Inspection, settings: ProbeSettings = {}): Promise<ProbeResult> {
  const result: ProbeResult = {features: [], metadata: {}, warnings: []}
  const options: ProbeOptions = {deadline: Date.now() + (settings.timeBudgetMs ?? DEFAULT_PROBE_BUDGET_MS), defaultPassword: settings.defaultPassword ?? true}
  for (const p of PROBES) {
    if (!p.applies(inspection)) continue
    try {
      const r = await p.run(inspection, options)
      mergeFeatures(result.features, r.features ?? [])
      Object.assign(result.metadata, r.metadata ?? {})
      result.warnings.push(...(r.warnings ?? []))
    } catch (e) {
      result.warnings.push(`probe ${p.name} failed: ${codeOf(e)}: ${(e as Error).message}`)
    }
  }
  for (const key of Object.keys(result.metadata) as Array<keyof typeof result.metadata>) if (result.metadata[key] === undefined) delete result.metadata[key]
  return result
}
