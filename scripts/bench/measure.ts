// Run one command under GNU time (wall, CPU, peak RSS of the largest process) and, when the kernel lets
// us drop the page cache, count the sectors the disk under the tree delivered while it ran.
import {execFileSync, spawnSync} from 'node:child_process'
import {readFileSync, statSync, writeFileSync} from 'node:fs'

export type Run = {wall: number; cpu: number; rssMiB: number; lines: number; diskBytes?: number}

/** Can this process drop the page cache (root, writable /proc/sys/vm)? */
export function canDropCaches(): boolean {
  try {
    execFileSync('sh', ['-c', 'sync && echo 3 > /proc/sys/vm/drop_caches'], {stdio: 'ignore'})
    return true
  } catch {
    return false
  }
}

// Sectors read, from /proc/diskstats, for the block device holding `dir` (matched by major:minor).
function sectorsRead(dir: string): number | undefined {
  const dev = statSync(dir).dev
  const major = (dev >> 8) & 0xfff
  const minor = (dev & 0xff) | ((dev >> 12) & 0xfff00)
  for (const line of readFileSync('/proc/diskstats', 'utf8').split('\n')) {
    const f = line.trim().split(/\s+/)
    if (Number(f[0]) === major && Number(f[1]) === minor) return Number(f[5])
  }
  return undefined
}

/** Time a shell command whose stdout goes to `outFile`; cold = drop the page cache first. */
export function measure(command: string, outFile: string, options: {cold?: boolean; tree?: string} = {}): Run {
  if (options.cold) execFileSync('sh', ['-c', 'sync && echo 3 > /proc/sys/vm/drop_caches'])
  const before = options.cold && options.tree ? sectorsRead(options.tree) : undefined
  const timeFile = `${outFile}.time`
  const r = spawnSync('/usr/bin/time', ['-o', timeFile, '-f', '%e %U %S %M', 'sh', '-c', `${command} > ${outFile}`], {stdio: ['ignore', 'ignore', 'inherit']})
  if (r.status !== 0) throw new Error(`${command} failed with status ${r.status}`)
  const after = before !== undefined ? sectorsRead(options.tree!) : undefined
  const [wall, user, sys, rssKiB] = readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number)
  const lines = Number(execFileSync('wc', ['-l', outFile]).toString().trim().split(' ')[0])
  writeFileSync(timeFile, '')
  return {wall: wall!, cpu: user! + sys!, rssMiB: rssKiB! / 1024, lines, diskBytes: after !== undefined ? (after - before!) * 512 : undefined}
}
