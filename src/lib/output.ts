// Writing to stdout with backpressure, so that a streamed NDJSON of millions of lines stays in bounded memory.
import {once} from 'node:events'
import {createWriteStream} from 'node:fs'

/** Write text to stdout, waiting when its buffer is full. */
export async function writeOut(text: string): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, 'drain')
}

/** Buffered writes to stdout for many short lines: one system call per ~64 KiB instead of one per line.
 * A line waits at most `maxWaitMs` (a timer flushes it), so a stream of records still arrives live. */
export function lineWriter(maxWaitMs = 100, maxBytes = 64 * 1024): {write(text: string): Promise<void>; flush(): Promise<void>} {
  let pending: string[] = []
  let bytes = 0
  let timer: NodeJS.Timeout | undefined
  const flush = async () => {
    clearTimeout(timer)
    timer = undefined
    if (pending.length === 0) return
    const text = pending.join('')
    pending = []
    bytes = 0
    await writeOut(text)
  }
  return {
    async write(text) {
      pending.push(text)
      bytes += text.length
      if (bytes >= maxBytes) return flush()
      timer ??= setTimeout(() => void flush(), maxWaitMs)
    },
    flush,
  }
}

/** Write chunks of text to a file (or stdout when no file), waiting on backpressure; errors name the file. */
export async function writeChunks(chunks: Iterable<string>, file?: string): Promise<void> {
  if (!file) {
    for (const c of chunks) await writeOut(c)
    return
  }
  const out = createWriteStream(file)
  const failed = new Promise<never>((_, reject) => out.once('error', (e) => reject(new Error(`cannot write ${file}: ${e.message}`))))
  failed.catch(() => {})
  for (const c of chunks) if (!out.write(c)) await Promise.race([once(out, 'drain'), failed])
  out.end()
  await Promise.race([once(out, 'finish'), failed])
}
