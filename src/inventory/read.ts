// Choose the reader an export's content calls for, read it, and normalise every row.
import path from 'node:path'
import type {Software} from '../model.js'
import {normalise} from './normalise.js'
import {InventoryError, type Reader, type ReadOptions, type Warning} from './reader.js'
import {readHead} from './source.js'

/** The readers, loaded on first use: a run that reads no inventory never loads their parsers. */
export async function readers(): Promise<Reader[]> {
  return (await import('./readers/index.js')).READERS
}

/** Every reader's sniff score for a file, best first. */
export async function sniffAll(file: string): Promise<Array<{reader: Reader; score: number}>> {
  const READERS = await readers()
  const head = await readHead(file)
  const name = path.basename(file)
  return READERS.map((reader) => {
    let score = 0
    try {
      score = reader.sniff(head, name)
    } catch {
      score = 0
    }
    return {reader, score}
  }).sort((a, b) => b.score - a.score || affinity(b.reader, name) - affinity(a.reader, name))
}

/** How well a reader's name fits a file's extension: only to order near-misses in the error message. */
function affinity(reader: Reader, fileName: string): number {
  const ext = path.extname(fileName).slice(1).toLowerCase()
  const hints: Record<string, RegExp> = {csv: /csv/, tsv: /query|queryformat/, xml: /xml|config/, json: /json|lock/, reg: /reg/, txt: /list|qa|text|query/, config: /config/, lock: /lock/, spdx: /spdx/}
  return hints[ext]?.test(reader.name) ? 1 : 0
}

/** Pick a reader by name, or by sniffing the first 64 KiB of the file. --map alone means generic CSV. */
export async function chooseReader(file: string, name?: string, options: ReadOptions = {}): Promise<Reader> {
  const wanted = name ?? (options.map ? 'generic-csv' : undefined)
  if (wanted) {
    const READERS = await readers()
    const r = READERS.find((x) => x.name === wanted)
    if (!r) throw new InventoryError(`unknown reader ${wanted}; readers: ${READERS.map((x) => x.name).join(', ')}`, 'unknown-reader')
    await readHead(file) // an unreadable file is named before any reading starts
    return r
  }
  const scored = await sniffAll(file)
  const best = scored[0]
  if (!best || best.score < 0.5) {
    const tried = scored.slice(0, 3).map((s) => `${s.reader.name} (${s.score.toFixed(2)})`).join(', ')
    throw new InventoryError(`no reader accepts ${file}; closest: ${tried}. Name one with --reader, or map CSV columns with --map name=Col,version=Col.`, 'unknown-inventory')
  }
  return best.reader
}

/** Read one export with the chosen reader; row problems go to warn; rows come out normalised. */
export async function* readInventory(file: string, warn: (w: Warning) => void, readerName?: string, options: ReadOptions = {}): AsyncGenerator<Software> {
  const reader = await chooseReader(file, readerName, options)
  try {
    for await (const row of reader.read(file, warn, options)) yield normalise(row)
  } catch (e) {
    if (e instanceof InventoryError) throw e
    throw new InventoryError(`${file}: ${(e as Error).message}`, (e as {code?: string}).code ?? 'bad-inventory')
  }
}
