// One finding per line (DESIGN.md contract 7), for log pipelines and `jq`: every subject, no grouping.
import type {ScanResult} from '../model.js'

/** Every finding of a result as one JSON object per line, in chunks of lines. */
export function* ndjsonChunks(result: ScanResult, perChunk = 1000): Generator<string> {
  for (let i = 0; i < result.findings.length; i += perChunk) {
    yield result.findings.slice(i, i + perChunk).map((f) => `${JSON.stringify(f)}\n`).join('')
  }
}

/** Render every finding of a result as one JSON object per line. */
export function renderNdjson(result: ScanResult): string {
  return [...ndjsonChunks(result)].join('')
}
