// One finding per line (DESIGN.md contract 7), for log pipelines and `jq`: every subject, no grouping.
import type {ScanResult} from '../model.js'

/** Render every finding of a result as one JSON object per line. */
export function renderNdjson(result: ScanResult): string {
  return result.findings.map((f) => `${JSON.stringify(f)}\n`).join('')
}
