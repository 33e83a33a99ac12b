// Writing to stdout with backpressure, so that a streamed NDJSON of millions of lines stays in bounded memory.
import {once} from 'node:events'
import {createWriteStream} from 'node:fs'

/** Write text to stdout, waiting when its buffer is full. */
export async function writeOut(text: string): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, 'drain')
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
