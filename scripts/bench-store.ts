// Records per second into each store backend, and the memory it takes: `npm run bench:store -- [N]`.
// Findings are generated and streamed through the same recorder `scan --store` uses.
import {mkdtempSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type {Finding} from '../src/model.js'
import {startRecording} from '../src/services/record.js'
import {postgresBin, startCluster} from '../test/support/postgres.js'

/** The n-th generated finding: a .doc file in a 100-folder tree. */
export function generatedFinding(i: number): Finding {
  const relativePath = `dept-${i % 100}/folder-${Math.floor(i / 100) % 1000}/file-${i}.doc`
  return {
    ruleId: 'office.legacy-word-binary', title: 'Word 97-2003 binary document', severity: 'medium',
    subject: {kind: 'artifact', path: `/srv/share/${relativePath}`, relativePath, format: 'doc'}, message: `${relativePath} is a Word 97-2003 binary file`,
    evidence: [{field: 'format', op: 'in', expected: ['doc'], actual: 'doc'}], bridge: {summary: 'Convert to ODT', steps: [], commands: [], tools: []},
    compliance: [], fingerprint: `${String(i).padStart(64, '0')}`,
  }
}

/** Stream n findings into a store; returns records/s and the RSS growth in MiB. */
export async function recordGenerated(store: string, n: number): Promise<{perSecond: number; rssGrowthMiB: number; peakRssMiB: number}> {
  const recorder = await startRecording({store, toolVersion: 'bench', roots: ['/srv/share'], inventories: []})
  global.gc?.()
  const baseline = process.memoryUsage().rss
  let peak = baseline
  const t0 = performance.now()
  for (let i = 0; i < n; i++) {
    await recorder.add([generatedFinding(i)])
    if (i % 50_000 === 0) peak = Math.max(peak, process.memoryUsage().rss)
  }
  const summary = {artifacts: n, software: 0, findings: n, bySeverity: {medium: n}, byFormat: {doc: n}, byFeature: {}, errors: 0}
  await recorder.finish({summary, rules: {count: 1, digest: 'bench'}} as never)
  peak = Math.max(peak, process.memoryUsage().rss)
  const seconds = (performance.now() - t0) / 1000
  return {perSecond: Math.round(n / seconds), rssGrowthMiB: Math.round((peak - baseline) / 1048576), peakRssMiB: Math.round(peak / 1048576)}
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 200_000)
  const sqlite = path.join(mkdtempSync(path.join(os.tmpdir(), 'passerelle-bench-')), 'bench.sqlite')
  console.log(`sqlite:   ${JSON.stringify(await recordGenerated(sqlite, n))} (${n} findings)`)
  if (postgresBin()) {
    const cluster = await startCluster()
    try {
      console.log(`postgres: ${JSON.stringify(await recordGenerated(cluster.url(), n))} (${n} findings, 127.0.0.1)`)
    } finally {
      cluster.stop()
    }
  } else console.log('postgres: skipped (server binaries not installed)')
}
