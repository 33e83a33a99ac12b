// Run every probe that applies to an inspected file and merge what they found.
import type {Inspection} from '../containers/opened.js'
import type {Probe, ProbeResult} from './probe.js'
import {vbaProbe} from './vba.js'

/** The probes, in the order they run. */
export const PROBES: Probe[] = [vbaProbe]

/** Run the probes on one file; a probe that fails adds a warning and the others still run. */
export async function probe(inspection: Inspection): Promise<ProbeResult> {
  const result: ProbeResult = {features: [], metadata: {}, warnings: []}
  for (const p of PROBES) {
    if (!p.applies(inspection)) continue
    try {
      const r = await p.run(inspection)
      result.features.push(...(r.features ?? []))
      Object.assign(result.metadata, r.metadata ?? {})
      result.warnings.push(...(r.warnings ?? []))
    } catch (e) {
      result.warnings.push(`probe ${p.name} failed: ${(e as Error).message}`)
    }
  }
  return result
}
