// Identify and probe bytes held in memory, the way the identify service does for files.
import {bufferSource} from '../../src/containers/source.js'
import {identify} from '../../src/identify/identify.js'
import {probe, type ProbeSettings} from '../../src/probes/index.js'

/** The format identification gave (and whether the extension fits), then the features (id -> evidence),
 * metadata and warnings the probes report for the bytes. */
export async function probeBytes(bytes: Buffer, name = 'file.bin', settings: ProbeSettings = {}) {
  const id = await identify(bufferSource(name, bytes), name.split('.').pop() ?? '', {defaultPassword: settings.defaultPassword})
  const r = await probe(id.inspection, settings)
  return {format: id.format, mismatch: id.extensionMismatch, ids: r.features.map((f) => f.id).sort(), evidence: Object.fromEntries(r.features.map((f) => [f.id, f.evidence])), metadata: r.metadata, warnings: r.warnings}
}

/** Feature ids (sorted) the probes report for the bytes, and how many bytes the probes read (identification's reads not counted). */
export async function probeReads(bytes: Buffer, name: string) {
  const source = bufferSource(name, bytes)
  const id = await identify(source, name.split('.').pop() ?? '', {})
  let read = 0
  const inner = source.read.bind(source)
  source.read = async (offset, length) => {
    read += length
    return inner(offset, length)
  }
  const r = await probe(id.inspection, {})
  return {ids: r.features.map((f) => f.id).sort(), read}
}
