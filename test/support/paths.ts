// Where tests find the project's fixtures and the shared corpus beside the project.
import {existsSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

export const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const ESTATE = path.join(PROJECT, 'fixtures/sample-estate')
export const SHARE = path.join(ESTATE, 'share')
export const EXPORT = path.join(ESTATE, 'exports/installed_programs.csv')
// ../shared/corpus beside the project; git worktrees one level deeper (/work/wt/<name>) find it one level up.
export const CORPUS = [path.resolve(PROJECT, '../shared/corpus'), path.resolve(PROJECT, '../../shared/corpus')]
  .find((dir) => existsSync(path.join(dir, 'documents/MANIFEST.tsv'))) ?? path.resolve(PROJECT, '../shared/corpus')
export const HAS_CORPUS = existsSync(path.join(CORPUS, 'documents/MANIFEST.tsv'))
/** Say once, clearly, why corpus tests are skipped. */
export const CORPUS_SKIP_REASON = `../shared/corpus is absent (looked in ${CORPUS}): corpus tests skipped`
if (!HAS_CORPUS) console.warn(CORPUS_SKIP_REASON)
