// Walk the roots with fast-glob without following symbolic links, and report every entry that is
// not a directory: regular files to identify, the rest (links, FIFOs, unreadable folders) as records.
import fg from 'fast-glob'
import * as fs from 'node:fs'
import {stat} from 'node:fs/promises'
import path from 'node:path'

/** One entry found under a root. */
export type WalkedEntry = {
  root: string
  path: string
  relativePath: string
  size: number
  mtime?: string
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

/** Yield every non-directory entry under the roots, as fast-glob finds it. */
export async function* walk(roots: string[], options: WalkOptions = {}): AsyncGenerator<WalkedEntry> {
  for (const root of roots) {
    const rootStat = await stat(root)
    if (!rootStat.isDirectory()) {
      yield {root: path.dirname(root), path: root, relativePath: path.basename(root), size: rootStat.size, mtime: rootStat.mtime.toISOString()}
      continue
    }
    // fast-glob swallows readdir errors once suppressed: record them through its fs adapter instead.
    const unreadable: Array<{dir: string; code: string}> = []
    const adapter = {
      ...fs,
      // fs.walk calls readdir(dir, cb) or readdir(dir, options, cb), depending on its settings.
      readdir: ((dir: string, ...rest: unknown[]) => {
        const cb = rest.pop() as (e: NodeJS.ErrnoException | null, r?: unknown) => void
        const record = (e: NodeJS.ErrnoException | null, r?: unknown) => {
          if (e && e.code !== 'ENOENT') unreadable.push({dir, code: e.code ?? 'EIO'})
          cb(e, r)
        }
        return rest.length > 0 ? fs.readdir(dir, rest[0] as never, record as never) : fs.readdir(dir, record as never)
      }) as typeof fs.readdir,
    }
    const stream = fg.stream('**', {
      cwd: root, dot: true, onlyFiles: false, followSymbolicLinks: options.followSymlinks ?? false,
      stats: true, objectMode: true, suppressErrors: true, fs: adapter,
    })
    for await (const raw of stream) {
      const entry = raw as unknown as {path: string; dirent: fs.Dirent; stats?: fs.Stats}
      if (entry.dirent.isDirectory()) continue
      const full = path.join(root, entry.path)
      const base = {root, path: full, relativePath: entry.path, size: entry.stats?.size ?? 0, mtime: entry.stats?.mtime.toISOString()}
      if (entry.dirent.isFile()) yield base
      else yield {...base, problem: {code: 'not-regular', message: `${describe(entry.dirent)}, not opened`}}
    }
    for (const u of unreadable) {
      yield {root, path: u.dir, relativePath: path.relative(root, u.dir), size: 0, problem: {code: u.code, message: `folder cannot be listed (${u.code}); its files are not scanned`}}
    }
  }
}

function describe(d: fs.Dirent): string {
  if (d.isSymbolicLink()) return 'symbolic link (not followed)'
  if (d.isFIFO()) return 'named pipe'
  if (d.isSocket()) return 'socket'
  if (d.isBlockDevice() || d.isCharacterDevice()) return 'device'
  return 'special file'
}
