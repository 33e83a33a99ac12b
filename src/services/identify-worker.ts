// A worker thread of the identify pool: identifies the files it is sent one after another, with
// blocking positioned reads, and posts each record back as soon as it is made (in the order sent).
import {parentPort, workerData} from 'node:worker_threads'
import type {WalkedEntry} from '../identify/walk.js'
import {identifyEntry, type IdentifyOptions} from './identify.js'

const options = {...(workerData as IdentifyOptions), workers: 0, syncReads: true}

parentPort?.on('message', async (entries: WalkedEntry[]) => {
  for (const entry of entries) {
    // Buffers arrive as plain Uint8Arrays after the structured clone.
    if (entry.fsPath) entry.fsPath = Buffer.from(entry.fsPath.buffer, entry.fsPath.byteOffset, entry.fsPath.byteLength)
    parentPort!.postMessage(await identifyEntry(entry, options))
  }
})
