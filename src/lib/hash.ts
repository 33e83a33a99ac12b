// File digests for the report's list of inputs: an auditor can check the export they were given is
// the one that was scanned.
import * as crypto from 'node:crypto'
import {createHash} from 'node:crypto'
import {createReadStream} from 'node:fs'
import {stat} from 'node:fs/promises'

/** sha256 (hex) and size of a file, streamed; undefined when it cannot be read. */
export async function digestFile(file: string): Promise<{sha256: string; size: number} | undefined> {
  try {
    const {size} = await stat(file)
    const h = createHash('sha256')
    for await (const chunk of createReadStream(file)) h.update(chunk as Buffer)
    return {sha256: h.digest('hex'), size}
  } catch {
    return undefined
  }
}

// crypto.hash (Node >= 20.12) digests in one call, without a Hash object: it matters in loops of
// thousands of rounds (key stretching) and once per file (content keys). createHash otherwise.
const oneShot = (crypto as {hash?: (algorithm: string, data: Buffer, encoding: 'buffer') => Buffer}).hash

/** The digest of one buffer. */
export const digestOf = (algorithm: string, data: Buffer): Buffer => (oneShot ? oneShot(algorithm, data, 'buffer') : createHash(algorithm).update(data).digest())
