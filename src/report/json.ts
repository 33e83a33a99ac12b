// The ScanResult as JSON: the document other tools read (its schema is published in schema/).
import type {ScanResult} from '../model.js'

/** Render a ScanResult as pretty JSON. */
export function renderJson(result: ScanResult): string {
  return `${JSON.stringify(result, null, 2)}\n`
}
