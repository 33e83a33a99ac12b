// Identify files in worker threads: the main thread walks and writes, N workers identify with
// blocking reads (cheaper than thread-pool round trips on a warm cache). Files go out and records come
// back in batches (a message per file cost the main thread more than the walk). Each worker counts the
// files it starts in shared memory, so the watchdog knows which file a silent worker is stuck on without
// a message per file: that file gets a budget-exceeded record, the worker is replaced, and every other
// file it held is sent again. Every file still gets exactly one record. What a worker remembers of a file
// (content-memo) comes to the pool on its memo port and goes on to the other workers (a replacement starts
// empty), so that a copy is analysed once per scan, not once per worker.
import {existsSync} from 'node:fs'
import {createRequire} from 'node:module'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {MessageChannel, Worker, type MessagePort} from 'node:worker_threads'
import {keyTableBytes} from '../containers/key-table.js'
import type {WalkedEntry} from '../identify/walk.js'
import type {Artifact} from '../model.js'
import {identifyEntry, type IdentifyOptions, type RecordForm} from './identify.js'
import {mapConcurrent} from './pool.js'

async function* fromArray<T>(items: T[]): AsyncGenerator<T> {
  yield* items
}

const BATCH = 32
// Files kept with each worker: a batch of copies takes about a millisecond, less than the main thread
// may take to come back to the loop (output, GC), so two batches left the workers idle a third of the time.
const WINDOW = 8 * BATCH
const WARM_UP = 256
// A moderate young generation per worker: with the probes on, parts and streams are short-lived
// garbage, and 16 MiB cut the worker's CPU by about 13% against 8 MiB (32 MiB: 16%, but 280 MiB
// resident). Old generation capped so a runaway file cannot take the machine.
const LIMITS = {maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 512}

/** What the pool tells each worker at start. */
export type WorkerSetup = {options: IdentifyOptions; started: SharedArrayBuffer; keys: SharedArrayBuffer; memo: MessagePort}

type Slot = {
  worker: Worker
  /** What the worker remembers of a file, passed on to the other workers (content-memo). */
  memo: MessagePort
  /** Files sent and not answered yet, in the order sent. */
  pending: WalkedEntry[]
  /** Files this worker has started (written by the worker) and records received from it. */
  started: Int32Array
  received: number
  /** The started count at the last watchdog look, and since when it has not moved. */
  seen: number
  since: number
}

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

/** How long a worker may stay on one file before it is ended: past the file's own budget, with slack. */
export const watchdogBudget = (fileTimeout: number) => Math.ceil(fileTimeout * 1.1) + 500

/** Identify the walked entries in `count` worker threads, yielding records as they come back, in `form`. */
export async function* identifyInWorkers<T>(entries: AsyncIterable<WalkedEntry>, count: number, options: IdentifyOptions, form: RecordForm<T>): AsyncGenerator<T> {
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
    yield* mapConcurrent(fromArray(first), options.concurrency ?? 16, async (entry) => form.of(await identifyEntry(entry, options)))
    return
  }
  const script = workerScript()
  const fileTimeout = options.fileTimeout ?? 30_000
  const budget = watchdogBudget(fileTimeout)
  const workerOptions: IdentifyOptions = {probes: options.probes, defaultPassword: options.defaultPassword, fileTimeout: options.fileTimeout, fileBytes: options.fileBytes, dedupe: options.dedupe, printed: options.printed}
  // Derived password keys, shared by every worker of the pool (replacements included).
  const keys = new SharedArrayBuffer(keyTableBytes())
  const ready: Array<T | Promise<T>> = []
  let closing = false
  const retry: WalkedEntry[] = first // the entries read ahead go first
  let wake: (() => void) | undefined
  const signal = () => {
    wake?.()
    wake = undefined
  }

  const spawn = (): Slot => {
    const started = new SharedArrayBuffer(4)
    const memo = new MessageChannel()
    const setup: WorkerSetup = {options: workerOptions, started, keys, memo: memo.port2}
    const worker = new Worker(script.script, {workerData: setup, transferList: [memo.port2], eval: script.eval, resourceLimits: LIMITS})
    const slot: Slot = {worker, memo: memo.port1, pending: [], started: new Int32Array(started), received: 0, seen: 0, since: Date.now()}
    memo.port1.on('message', (entry) => {
      for (const other of slots) if (other !== slot) other.memo.postMessage(entry)
    })
    memo.port1.unref()
    worker.on('message', (message: unknown) => {
      if (!slots.includes(slot)) return // a replaced worker's late answers: its files were sent again
      const {items, files} = form.decode(message)
      slot.pending.splice(0, files)
      slot.received += files
      ready.push(...items)
      signal()
    })
    worker.on('error', (e) => replace(slot, 'internal-error', `identification crashed: ${e.message}`))
    worker.on('exit', (code) => {
      if (code !== 0 && !closing) replace(slot, 'internal-error', `identification worker exited with code ${code}`)
    })
    return slot
  }
  // The file the worker was on gets the error record; every other file it held is sent again (those it
  // finished but had not reported yet too: their records died with it).
  const replace = (slot: Slot, code: string, message: string) => {
    const i = slots.indexOf(slot)
    if (i < 0 || closing) return
    const current = Atomics.load(slot.started, 0) - slot.received - 1
    const stuck = slot.pending[current]
    if (stuck) ready.push(failed(stuck, code, message).then(form.of))
    retry.push(...slot.pending.filter((_, k) => k !== current))
    slot.pending = []
    slots[i] = spawn()
    void slot.worker.terminate()
    slot.memo.close()
    signal()
  }
  const slots: Slot[] = Array.from({length: Math.max(1, count)}, spawn)
  const watchdog = setInterval(() => {
    const now = Date.now()
    for (const slot of [...slots]) {
      const started = Atomics.load(slot.started, 0)
      if (started !== slot.seen || slot.pending.length === 0) {
        slot.seen = started
        slot.since = now
      } else if (now - slot.since > budget) replace(slot, 'budget-exceeded', `identification took longer than the ${fileTimeout} ms budget`)
    }
  }, Math.min(1000, Math.max(50, budget / 4)))
  watchdog.unref()

  try {
    while (true) {
      // Keep several batches with each worker, so it never waits for the next one; retried files first.
      for (const slot of slots) {
        while (slot.pending.length < WINDOW && (retry.length > 0 || !walked)) {
          const batch: WalkedEntry[] = retry.splice(0, BATCH)
          while (!walked && batch.length < BATCH) {
            const next = await iterator.next()
            if (next.done) walked = true
            else if (next.value.problem) ready.push(identifyEntry(next.value, options).then(form.of)) // nothing to open: answered here
            else batch.push(next.value)
          }
          if (batch.length > 0) {
            slot.pending.push(...batch)
            slot.worker.postMessage(batch)
          }
        }
      }
      while (ready.length > 0) yield await ready.shift()!
      if (walked && retry.length === 0 && slots.every((s) => s.pending.length === 0)) break
      const full = slots.every((s) => s.pending.length >= WINDOW)
      if (full || (walked && retry.length === 0)) {
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
    for (const s of slots) s.memo.close()
  }
}
