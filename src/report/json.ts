// The ScanResult as JSON: the document other tools read (its schema is published in schema/).
import type {ScanResult} from '../model.js'
import {streamJson} from './stream-json.js'

/** The ScanResult as pretty JSON, in chunks (findings streamed, so any number of them fits). */
export function* jsonChunks(result: ScanResult): Generator<string> {
  yield* streamJson(result, 'findings', result.findings, 1)
  yield '\n'
}

/** Render a ScanResult as pretty JSON. */
export function renderJson(result: ScanResult): string {
  return [...jsonChunks(result)].join('')
}
