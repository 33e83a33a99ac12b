// Writing to stdout with backpressure, so that a streamed NDJSON of millions of lines stays in bounded memory.
import {once} from 'node:events'

/** Write text to stdout, waiting when its buffer is full. */
export async function writeOut(text: string): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, 'drain')
}
