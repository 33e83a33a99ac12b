// Walk the roots and report every entry that is not a directory: regular files to identify, the rest
// (links, FIFOs, sockets, devices, folders that cannot be listed) as records with an error.
// Hand-written over readdir with Buffer names, because glob libraries decode names as UTF-8 and a
// name that is not valid UTF-8 would come back as U+FFFD: a path that no longer opens.
import type {Dirent, Stats} from 'node:fs'
import {lstat, readdir, realpath, stat} from 'node:fs/promises'
import path from 'node:path'
import {decodeName} from '../lib/fs-names.js'

/** One entry found under a root. */
export type WalkedEntry = {
  root: string
  /** The path as reported: names that are not valid UTF-8 carry their bytes as U+DC80+byte (see lib/fs-names). */
  path: string
  relativePath: string
  /** From lstat when the walk needed one; for plain files the opener's fstat gives size and mtime. */
  size?: number
  mtime?: string
  /** What to open when it is not the path itself (the resolved target of a followed link). */
  fsPath?: Buffer
  /** Set when the entry is not a regular file or could not be read. */
  problem?: {code: string; message: string}
}

export type WalkOptions = {followSymlinks?: boolean}

/** Raised when a root itself is missing or unreadable: the run cannot do what it was asked. */
export class RootError extends Error {
  constructor(readonly root: string, readonly code: string, message: string) {
    super(message)
  }
}

/** Check that every root exists and is a directory or a file, before any work starts. */
export async function checkRoots(roots: string[]): Promise<void> {
  for (const root of roots) {
    try {
      await stat(root)
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'ENOENT'
      throw new RootError(root, code, `root ${root} cannot be read: ${code === 'ENOENT' ? 'no such file or directory' : code}`)
    }
  }
}

const SEP = Buffer.from(path.sep)
const codeOf = (e: unknown) => (e as NodeJS.ErrnoException).code ?? 'EIO'
const inside = (real: Buffer, roots: Buffer[]) =>
  roots.some((r) => real.equals(r) || (real.length > r.length && real.subarray(0, r.length).equals(r) && real.subarray(r.length, r.length + 1).equals(SEP)))

type Dir = {fs: Buffer; rel: string}

/** Yield every non-directory entry under the roots, depth first, names in byte order. */
export async function* walk(roots: string[], options: WalkOptions = {}): AsyncGenerator<WalkedEntry> {
  const follow = options.followSymlinks ?? false
  // Followed links must land inside a root: compare resolved paths, byte for byte.
  const realRoots = follow ? await Promise.all(roots.map((r) => realpath(r, {encoding: 'buffer'}))) : []
  for (const root of roots) {
    const rootStat = await stat(root)
    if (!rootStat.isDirectory()) {
      yield {root: path.dirname(root), path: root, relativePath: path.basename(root), size: rootStat.size, mtime: rootStat.mtime.toISOString()}
      continue
    }
    // The joined path encodes back to the bytes walked (lib/fs-names), unless joining folded a '..' of the
    // root that the kernel would resolve after a link: then the bytes go along (fewer to send otherwise).
    const lexical = !root.split(path.sep).includes('..')
    const record = (d: Dir, extra: Partial<WalkedEntry>): WalkedEntry =>
      ({root, path: path.join(root, d.rel), relativePath: d.rel, ...(lexical ? {} : {fsPath: d.fs}), ...extra})
    // A folder is entered once, whatever way leads to it (bind mounts, followed links).
    const seen = new Set<string>([`${rootStat.dev}:${rootStat.ino}`])
    const stack: Dir[] = [{fs: Buffer.from(root), rel: ''}]
    while (stack.length > 0) {
      const dir = stack.pop()!
      let names: Dirent<Buffer>[]
      try {
        names = await readdir(dir.fs, {withFileTypes: true, encoding: 'buffer'})
      } catch (e) {
        const code = codeOf(e)
        const why = code === 'ENOENT' ? 'folder vanished during the scan' : `folder cannot be listed (${code})`
        yield record(dir, {size: 0, problem: {code, message: `${why}; its files are not scanned`}})
        continue
      }
      names.sort((a, b) => Buffer.compare(a.name, b.name))
      const subdirs: Dir[] = []
      for (const d of names) {
        const name = decodeName(d.name)
        const child: Dir = {fs: Buffer.concat([dir.fs, SEP, d.name]), rel: dir.rel ? `${dir.rel}/${name}` : name}
        // A plain file needs no lstat here (one syscall round trip per file on this thread): the type comes
        // from readdir, and the worker that opens it (O_NOFOLLOW, fstat) takes size and mtime.
        if (d.isFile()) {
          yield record(child, {})
          continue
        }
        let st: Stats
        try {
          st = await lstat(child.fs)
        } catch (e) {
          yield record(child, {size: 0, problem: {code: codeOf(e), message: `vanished or unreadable during the scan (${codeOf(e)})`}})
          continue
        }
        const meta = {size: st.size, mtime: st.mtime.toISOString()}
        if (st.isSymbolicLink() && follow) {
          const target = await resolveLink(child.fs, realRoots)
          if ('problem' in target) yield record(child, {...meta, problem: target.problem})
          else if (target.stats.isDirectory()) {
            if (!seen.has(`${target.stats.dev}:${target.stats.ino}`)) subdirs.push(child)
            seen.add(`${target.stats.dev}:${target.stats.ino}`)
          } else if (target.stats.isFile()) yield record(child, {size: target.stats.size, mtime: target.stats.mtime.toISOString(), fsPath: target.real})
          else yield record(child, {...meta, problem: {code: 'not-regular', message: `symbolic link to a ${describe(target.stats)}, not opened`}})
        } else if (st.isDirectory()) {
          if (!seen.has(`${st.dev}:${st.ino}`)) subdirs.push(child)
          seen.add(`${st.dev}:${st.ino}`)
        } else if (st.isFile()) yield record(child, meta)
        else yield record(child, {...meta, problem: {code: 'not-regular', message: `${describe(st)}, not opened`}})
      }
      stack.push(...subdirs.reverse())
    }
  }
}

// Resolve a link to be followed: its target must exist and lie inside one of the roots.
async function resolveLink(link: Buffer, realRoots: Buffer[]): Promise<{real: Buffer; stats: Stats} | {problem: {code: string; message: string}}> {
  let real: Buffer
  try {
    real = await realpath(link, {encoding: 'buffer'})
  } catch (e) {
    const code = codeOf(e)
    const what = code === 'ENOENT' ? 'dangling symbolic link' : code === 'ELOOP' ? 'symbolic link loop' : `symbolic link cannot be resolved (${code})`
    return {problem: {code, message: `${what}, not followed`}}
  }
  if (!inside(real, realRoots)) return {problem: {code: 'outside-roots', message: 'symbolic link points outside the roots, not followed'}}
  try {
    return {real, stats: await stat(real)}
  } catch (e) {
    return {problem: {code: codeOf(e), message: `link target cannot be read (${codeOf(e)})`}}
  }
}

function describe(s: Stats): string {
  if (s.isSymbolicLink()) return 'symbolic link (not followed)'
  if (s.isFIFO()) return 'named pipe'
  if (s.isSocket()) return 'socket'
  if (s.isBlockDevice() || s.isCharacterDevice()) return 'device'
  return 'special file'
}
