// Ask the kernel not to read ahead of our reads (posix_fadvise RANDOM), through the small addon in
// native/readahead.c. Identification reads a head and a few ranges; readahead turns a 4 KiB read into
// 16 KiB and two touching reads into megabytes, which a cold cache or a network share pays for.
// Without the addon (not built, or not Linux) files are read as before: only the bytes pulled change.
import {createRequire} from 'node:module'

type Addon = {randomAccess(fd: number): number}

function load(): Addon | undefined {
  try {
    return createRequire(import.meta.url)('../../build/Release/readahead.node') as Addon
  } catch {
    return undefined
  }
}

const addon = load()

/** True when the advice can be given (the addon is built). */
export const readaheadAdviceAvailable = addon !== undefined

/** Tell the kernel that this descriptor is read at random places. True when the advice was taken; never
 * throws (advice only: reads work the same without it). */
export function adviseRandom(fd: number): boolean {
  return addon?.randomAccess(fd) === 0
}
