// Renderers for `identify`: one NDJSON line per file (DESIGN.md contract 3) or a table row.
import {CONTENT_FIELDS, type Artifact, type ContentFindings} from '../model.js'

/** The contract fields of an artifact, in a stable order. */
export function artifactRecord(a: Artifact): Record<string, unknown> {
  return {
    path: a.path, pathBase64: a.pathBase64, size: a.size, format: a.format, puid: a.puid, mime: a.mime, basis: a.basis,
    extensionMismatch: a.extensionMismatch, features: a.features, application: a.application,
    metadata: a.metadata, warnings: a.warnings, error: a.error,
  }
}

/** Records in a stable order, by path (code units), whatever order the files were identified in: what
 * `identify --format json` prints, so that two runs over the same tree give the same document. */
export function byPath(artifacts: Artifact[]): Artifact[] {
  return [...artifacts].sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0))
}

/** Marks an artifact whose findings were recalled from an identical file (the content memo): copies of
 * one file share every field after `size`, which is then serialised once for all of them. */
const RECALLED = Symbol('recalled findings')
type Recalled = Artifact & {[RECALLED]?: ContentFindings}
const printedTails = new WeakMap<ContentFindings, string>()

function sameFindings(a: Artifact, known: ContentFindings): boolean {
  for (const k of CONTENT_FIELDS) if (a[k] !== known[k]) return false
  return true
}

/** The record of a copy: its own path and size, the findings recalled for it. Written out field by field:
 * spreading the frozen findings ({...base, ...known}) costs V8 about 5 µs a copy, this about 0.3. The mark
 * is not enumerable: a copy's record equals the one a fresh analysis would make. */
export function recalledArtifact(base: Artifact, known: ContentFindings): Artifact {
  const a: Artifact = {
    path: base.path, pathBase64: base.pathBase64, root: base.root, relativePath: base.relativePath, size: base.size, mtime: base.mtime, extension: base.extension,
    format: known.format, puid: known.puid, mime: known.mime, basis: known.basis, extensionMismatch: known.extensionMismatch, features: known.features,
    application: known.application, metadata: known.metadata, warnings: known.warnings,
  }
  return Object.defineProperty(a, RECALLED, {value: known})
}

/** One NDJSON line, newline included. */
export function ndjsonLine(a: Artifact): string {
  const recalled = (a as Recalled)[RECALLED]
  // The cached text holds only while every field after `size` is still the recalled one (same objects).
  if (!recalled || a.error !== undefined || !sameFindings(a, recalled)) return `${JSON.stringify(artifactRecord(a))}\n`
  const start = `{"path":${JSON.stringify(a.path)}${a.pathBase64 === undefined ? '' : `,"pathBase64":${JSON.stringify(a.pathBase64)}`},"size":${JSON.stringify(a.size)}`
  let tail = printedTails.get(recalled)
  if (tail === undefined) {
    tail = JSON.stringify(artifactRecord(a)).slice(start.length)
    printedTails.set(recalled, tail)
  }
  return `${start}${tail}\n`
}

/** Records as `identify --format ndjson` prints them: the text of their lines and, for each, what the
 * closing summary counts (format, error code). */
export type PrintedRecords = {text: string; records: Array<{format: string; error?: string}>}

/** Print records: where they are made, so that a worker thread serialises them once, in one piece. */
export function printRecords(artifacts: Artifact[]): PrintedRecords {
  return {text: artifacts.map(ndjsonLine).join(''), records: artifacts.map((a) => ({format: a.format, error: a.error?.code}))}
}

/** One table row: format, flags, path, and the first reason. */
export function tableRow(a: Artifact): string {
  const flags = [a.extensionMismatch ? 'misnamed' : '', ...a.features.map((f) => f.id), a.error ? `error:${a.error.code}` : ''].filter(Boolean)
  const m = a.metadata
  const app = [m?.application ?? a.application, m?.applicationVersion].filter(Boolean).join(' ')
  const fonts = m?.fonts?.map((f) => (f.embedded ? `${f.name} (embedded)` : f.name)).join(', ')
  const about = [app && `by ${app}`, m?.producer && m.producer !== app && `producer ${m.producer}`, fonts && `fonts ${fonts}`].filter(Boolean)
  return `${a.format.padEnd(9)} ${a.path}${flags.length ? `  [${flags.join(', ')}]` : ''}${about.length ? `\n          ${about.join('; ')}` : ''}\n`
}

/** The closing line of the identify table; with error codes, how many records carry each. */
export function tableSummary(byFormat: Map<string, number>, errors: number, codes?: Map<string, number>): string {
  const counts = [...byFormat.entries()].sort((x, y) => y[1] - x[1]).map(([f, n]) => `${f} ${n}`).join(', ')
  const total = [...byFormat.values()].reduce((a, b) => a + b, 0)
  return `\n${total} files: ${counts}${errors ? `; ${errors} with errors${codes ? ` (${errorCounts(codes)})` : ''}` : ''}\n`
}

/** Error codes with their counts, most frequent first: "truncated 94, corrupt-container 53". */
export function errorCounts(codes: Map<string, number>): string {
  return [...codes.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).map(([c, n]) => `${c} ${n}`).join(', ')
}
