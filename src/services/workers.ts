// Identify files in worker threads: the main thread walks and writes, N workers identify with
// blocking reads (cheaper than thread-pool round trips on a warm cache). Each worker holds a short
// queue; a worker silent past the per-file budget is ended, its current file gets a budget-exceeded
// record, and the files queued behind it go to the others: every file still gets exactly one record.
import {existsSync} from 'node:fs'
import {createRequire} from 'node:module'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {Worker} from 'node:worker_threads'
import type {WalkedEntry} from '../identify/walk.js'
import type {Artifact} from '../model.js'
import {identifyEntry, type IdentifyOptions} from './identify.js'
import {mapConcurrent} from './pool.js'

async function* fromArray<T>(items: T[]): AsyncGenerator<T> {
  yield* items
}

const BATCH = 16
const WARM_UP = 256
// A small young generation per worker: records are short-lived, and every isolate's semi-spaces add
// to the resident size. Old generation capped so a runaway file cannot take the machine.
const LIMITS = {maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 512}

type Slot = {worker: Worker; pending: WalkedEntry[]; lastHeard: number}

// Compiled builds run the .js worker; from TypeScript sources (tests, tsx) a small bootstrap registers
// tsx's loader inside the worker first, then imports the .ts worker.
function workerScript(): {script: URL | string; eval: boolean} {
  const js = new URL('./identify-worker.js', import.meta.url)
  if (existsSync(fileURLToPath(js))) return {script: js, eval: false}
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href
  const ts = new URL('./identify-worker.ts', import.meta.url).href
  return {script: `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(ts)}) })`, eval: true}
}

// A record for a file the workers could not finish: the same shape identifyEntry gives any problem entry.
const failed = (entry: WalkedEntry, code: string, message: string) => identifyEntry({...entry, problem: {code, message}})

/** Identify the walked entries in `count` worker threads, yielding records as they come back. */
export async function* identifyInWorkers(entries: AsyncIterable<WalkedEntry>, count: number, options: IdentifyOptions): AsyncGenerator<Artifact> {
  // Small trees are done on this thread: starting workers would cost more than it saves.
  const iterator = entries[Symbol.asyncIterator]()
  const first: WalkedEntry[] = []
  let walked = false
  while (!walked && first.length < WARM_UP) {
    const next = await iterator.next()
    if (next.done) walked = true
    else first.push(next.value)
  }
  if (walked) {
    yield* mapConcurrent(fromArray(first), options.concurrency ?? 16, (entry) => identifyEntry(entry, options))
    return
  }
  const script = workerScript()
  const data = {probes: options.probes, defaultPassword: options.defaultPassword, fileTimeout: options.fileTimeout, fileBytes: options.fileBytes}
  const budget = (options.fileTimeout ?? 30_000) + 2000
  const ready: Array<Artifact | Promise<Artifact>> = []
  let closing = false
  const retry: WalkedEntry[] = first // the entries read ahead go first
  let wake: (() => void) | undefined
  const signal = () => {
    wake?.()
    wake = undefined
  }

  const spawn = (): Slot => {
    const slot: Slot = {worker: new Worker(script.script, {workerData: data, eval: script.eval, resourceLimits: LIMITS}), pending: [], lastHeard: Date.now()}
    slot.worker.on('message', (a: Artifact) => {
      slot.pending.shift()
      slot.lastHeard = Date.now()
      ready.push(a)
      signal()
    })
    slot.worker.on('error', (e) => replace(slot, 'internal-error', `identification crashed: ${e.message}`))
    slot.worker.on('exit', (code) => {
      if (code !== 0 && !closing && slots.includes(slot)) replace(slot, 'internal-error', `identification worker exited with code ${code}`)
    })
    return slot
  }
  // The file the worker was on gets the error record; the ones queued behind it are sent elsewhere.
  const replace = (slot: Slot, code: string, message: string) => {
    const i = slots.indexOf(slot)
    if (i < 0 || closing) return
    const [current, ...rest] = slot.pending
    if (current) ready.push(failed(current, code, message))
    retry.push(...rest)
    slot.pending = []
    slots[i] = spawn()
    void slot.worker.terminate()
    signal()
  }
  const slots: Slot[] = Array.from({length: Math.max(1, count)}, spawn)
  const watchdog = setInterval(() => {
    for (const slot of slots) {
      if (slot.pending.length > 0 && Date.now() - slot.lastHeard > budget) replace(slot, 'budget-exceeded', `identification took longer than the ${options.fileTimeout ?? 30_000} ms budget`)
    }
  }, 1000)
  watchdog.unref()

  try {
    while (true) {
      // Top up every worker's queue, retried files first.
      for (const slot of slots) {
        if (slot.pending.length > BATCH / 2) continue // top up in batches, not one file per message
        const batch: WalkedEntry[] = retry.splice(0, BATCH - slot.pending.length)
        while (!walked && batch.length < BATCH - slot.pending.length) {
          const next = await iterator.next()
          if (next.done) walked = true
          else if (next.value.problem) ready.push(identifyEntry(next.value, options)) // nothing to open: answered here
          else batch.push(next.value)
        }
        if (batch.length > 0) {
          if (slot.pending.length === 0) slot.lastHeard = Date.now()
          slot.pending.push(...batch)
          slot.worker.postMessage(batch)
        }
      }
      while (ready.length > 0) yield await ready.shift()!
      if (walked && retry.length === 0 && slots.every((s) => s.pending.length === 0)) break
      if (slots.every((s) => s.pending.length > BATCH / 2) || walked) {
        await new Promise<void>((resolve) => {
          wake = resolve
          if (ready.length > 0) signal()
        })
      }
    }
  } finally {
    closing = true
    clearInterval(watchdog)
    await Promise.all(slots.map((s) => s.worker.terminate()))
  }
}
