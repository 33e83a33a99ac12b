// The identify service: walk the roots, identify and probe each file, and stream Artifacts.
import path from 'node:path'
import {openSource} from '../containers/source.js'
import {formatById} from '../identify/formats.js'
import {identify} from '../identify/identify.js'
import {checkRoots, walk, type WalkedEntry, type WalkOptions} from '../identify/walk.js'
import type {Artifact} from '../model.js'
import {probe} from '../probes/index.js'
import {mapConcurrent} from './pool.js'

export type IdentifyOptions = WalkOptions & {concurrency?: number; probes?: boolean}

const extensionOf = (p: string) => path.extname(p).slice(1).toLowerCase()

/** Identify one walked entry; never throws: problems become the record's error. */
export async function identifyEntry(entry: WalkedEntry, options: IdentifyOptions = {}): Promise<Artifact> {
  const base: Artifact = {
    path: entry.path, root: entry.root, relativePath: entry.relativePath, size: entry.size, mtime: entry.mtime,
    extension: extensionOf(entry.path), format: 'unknown', basis: [], extensionMismatch: false, features: [], warnings: [],
  }
  if (entry.problem) return {...base, error: entry.problem}
  let source
  try {
    source = await openSource(entry.path, entry.size)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO'
    return {...base, error: {code, message: `cannot open ${entry.path}: ${(e as Error).message}`}}
  }
  try {
    const id = await identify(source, base.extension)
    const found = options.probes === false || id.error ? {features: [], metadata: {}, warnings: []} : await probe(id.inspection)
    const info = formatById(id.format)
    const metadata = Object.keys(found.metadata).length > 0 ? found.metadata : undefined
    return {
      ...base, format: id.format, puid: info?.puid, mime: info?.mime, basis: id.basis, extensionMismatch: id.extensionMismatch,
      features: found.features, application: metadata?.application, metadata, warnings: [...id.warnings, ...found.warnings], error: id.error,
    }
  } catch (e) {
    return {...base, error: {code: (e as {code?: string}).code ?? 'EIO', message: (e as Error).message}}
  } finally {
    await source.close()
  }
}

/** Stream the Artifacts of every file under the roots. Missing roots throw RootError before any output. */
export async function* identifyRoots(roots: string[], options: IdentifyOptions = {}): AsyncGenerator<Artifact> {
  await checkRoots(roots)
  yield* mapConcurrent(walk(roots, options), options.concurrency ?? 16, (entry) => identifyEntry(entry, options))
}
