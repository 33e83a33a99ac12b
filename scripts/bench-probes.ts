// npm run bench:probes — identification throughput with the probes off and on, over a folder (default: the document
// corpus). Usage: npm run bench:probes [-- FOLDER [ROUNDS]]. Prints files/s for both, their ratio, and the
// share of time spent on files whose default-password check ran (a spin of 50,000-100,000 hashes each).
import {existsSync, statSync} from 'node:fs'
import path from 'node:path'
import {identifyEntry, type IdentifyOptions} from '../src/services/identify.js'
import {walk} from '../src/identify/walk.js'

// The corpus sits beside the project (../shared), or one level further up from a git worktree.
const corpus = ['../../shared/corpus/documents', '../../../shared/corpus/documents'].map((p) => path.join(import.meta.dirname, p)).find((p) => existsSync(p))
const root = path.resolve(process.argv[2] ?? corpus ?? '.')
const rounds = Number(process.argv[3] ?? 3)

async function entries() {
  const out = []
  for await (const e of walk([root], {})) if (!e.problem) out.push(e)
  return out
}

async function run(list: Awaited<ReturnType<typeof entries>>, options: IdentifyOptions) {
  let best = Infinity
  let slowEncrypted = 0
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now()
    let encryptedMs = 0
    for (const e of list) {
      const t = performance.now()
      const a = await identifyEntry(e, options)
      if (a.features.some((f) => f.id === 'encrypted')) encryptedMs += performance.now() - t
    }
    const ms = performance.now() - t0
    if (ms < best) [best, slowEncrypted] = [ms, encryptedMs]
  }
  return {ms: best, encryptedMs: slowEncrypted}
}

const list = await entries()
const bytes = list.reduce((n, e) => n + statSync(e.path).size, 0)
const off = await run(list, {probes: false})
const on = await run(list, {probes: true})
const noPassword = await run(list, {probes: true, defaultPassword: false})
const line = (name: string, ms: number) => `${name.padEnd(34)} ${(list.length / (ms / 1000)).toFixed(1).padStart(7)} files/s ${(bytes / 1048576 / (ms / 1000)).toFixed(1).padStart(7)} MB/s  (${ms.toFixed(0)} ms)`
console.log(`${list.length} files, ${(bytes / 1048576).toFixed(1)} MB under ${root}, best of ${rounds}, one file at a time`)
console.log(line('identification only (--no-probes)', off.ms))
console.log(line('with probes', on.ms))
console.log(line('with probes, --no-default-password', noPassword.ms))
console.log(`probes keep ${((100 * off.ms) / on.ms).toFixed(0)}% of identification throughput (${((100 * off.ms) / noPassword.ms).toFixed(0)}% without the default-password check);`)
console.log(`encrypted files took ${on.encryptedMs.toFixed(0)} ms of ${on.ms.toFixed(0)} ms with probes on`)
