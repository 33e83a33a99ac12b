// Choose the reader an export's content calls for, and read it.
import {open} from 'node:fs/promises'
import path from 'node:path'
import type {Software} from '../model.js'
import {InventoryError, type Reader, type Warning} from './reader.js'
import {READERS} from './readers/index.js'

/** Pick a reader by name, or by sniffing the first 64 KiB of the file. */
export async function chooseReader(file: string, name?: string): Promise<Reader> {
  if (name) {
    const r = READERS.find((x) => x.name === name)
    if (!r) throw new InventoryError(`unknown reader ${name}; readers: ${READERS.map((x) => x.name).join(', ')}`)
    return r
  }
  let head: Buffer
  try {
    const handle = await open(file, 'r')
    try {
      const buf = Buffer.alloc(65_536)
      const {bytesRead} = await handle.read(buf, 0, buf.length, 0)
      head = buf.subarray(0, bytesRead)
    } finally {
      await handle.close()
    }
  } catch (e) {
    throw new InventoryError(`inventory ${file} cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, (e as NodeJS.ErrnoException).code)
  }
  const scored = READERS.map((r) => ({r, score: r.sniff(head, path.basename(file))})).sort((a, b) => b.score - a.score)
  const best = scored[0]
  if (!best || best.score < 0.5) {
    const tried = scored.slice(0, 3).map((s) => `${s.r.name} (${s.score.toFixed(2)})`).join(', ')
    throw new InventoryError(`no reader accepts ${file}; closest: ${tried}. Name one with --reader.`, 'unknown-inventory')
  }
  return best.r
}

/** Read one export with the chosen reader; row problems go to warn. */
export async function* readInventory(file: string, warn: (w: Warning) => void, readerName?: string): AsyncGenerator<Software> {
  const reader = await chooseReader(file, readerName)
  yield* reader.read(file, warn)
}
