// Identify and probe bytes held in memory, the way the identify service does for files.
import {bufferSource} from '../../src/containers/source.js'
import {identify} from '../../src/identify/identify.js'
import {probe, type ProbeSettings} from '../../src/probes/index.js'

/** Features (id -> evidence), metadata and warnings the probes report for the bytes. */
export async function probeBytes(bytes: Buffer, name = 'file.bin', settings: ProbeSettings = {}) {
  const id = await identify(bufferSource(name, bytes), name.split('.').pop() ?? '', {defaultPassword: settings.defaultPassword})
  const r = await probe(id.inspection, settings)
  return {ids: r.features.map((f) => f.id).sort(), evidence: Object.fromEntries(r.features.map((f) => [f.id, f.evidence])), metadata: r.metadata, warnings: r.warnings}
}
