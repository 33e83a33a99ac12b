// A worker thread of the identify pool: identifies the files it is sent one after another, with
// blocking positioned reads, and posts their records back in batches (in the order sent), as JSON text:
// cheaper to send than a structured clone of the objects. Before each
// file it bumps a shared counter: the pool's watchdog reads it to tell a stuck worker from a busy one.
import {parentPort, workerData} from 'node:worker_threads'
import {shareDerivedKeys} from '../containers/ooxml-crypto.js'
import type {WalkedEntry} from '../identify/walk.js'
import type {Artifact} from '../model.js'
import {printRecords} from '../report/artifacts.js'
import {shareReplays} from './content-memo.js'
import {identifyEntry, WHOLE_FILE, type IdentifyOptions} from './identify.js'
import type {WorkerSetup} from './workers.js'

const setup = workerData as WorkerSetup
// Files are done one after another here and nothing of one is kept: their heads share one buffer.
const options: IdentifyOptions = {...setup.options, workers: 0, syncReads: true, scratch: Buffer.allocUnsafe(WHOLE_FILE)}
const started = new Int32Array(setup.started)
shareDerivedKeys(setup.keys)
if (setup.options.dedupe !== false) shareReplays(setup.memo)
// Records wait at most this long before they are sent, so slow files do not hold back fast ones.
const FLUSH_MS = 100

// Records go printed (one text for the batch), or as artifacts in JSON text, cheaper than a clone.
const send = (out: Artifact[]) => parentPort!.postMessage(options.printed ? printRecords(out) : JSON.stringify(out))

const queue: WalkedEntry[][] = []
let running = false

async function drain(): Promise<void> {
  running = true
  while (queue.length > 0) {
    const entries = queue.shift()!
    let out: Artifact[] = []
    let last = Date.now()
    for (const entry of entries) {
      // Buffers arrive as plain Uint8Arrays after the structured clone.
      if (entry.fsPath) entry.fsPath = Buffer.from(entry.fsPath.buffer, entry.fsPath.byteOffset, entry.fsPath.byteLength)
      Atomics.add(started, 0, 1)
      out.push(await identifyEntry(entry, options))
      if (Date.now() - last > FLUSH_MS) {
        send(out)
        out = []
        last = Date.now()
      }
    }
    if (out.length > 0) send(out)
  }
  running = false
}

// One loop works through the batches: a batch that arrives while another is being identified waits.
parentPort?.on('message', (entries: WalkedEntry[]) => {
  queue.push(entries)
  if (!running) void drain()
})
