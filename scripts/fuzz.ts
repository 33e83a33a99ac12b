// `npm run fuzz -- [--seconds N] [--iterations N] [--seed S] [--corpus DIR]`: mutate the fixtures and the real
// documents, identify each result, and save every crash as fixtures/hostile/crashes/<base>-<seed>.json
// (base + seed rebuild the file; test/hostile/fuzz.test.ts replays them all).
import {mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {corpusBases, fixtureBases, fuzz} from '../fixtures/hostile/fuzz.js'

const PROJECT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const {values} = parseArgs({options: {seconds: {type: 'string'}, iterations: {type: 'string'}, seed: {type: 'string'}, corpus: {type: 'string'}}})
const corpus = values.corpus ?? path.resolve(PROJECT, '../shared/corpus/documents')
const bases = [...fixtureBases(), ...(existsSync(corpus) ? corpusBases(corpus) : [])]
if (!existsSync(corpus)) console.warn(`no corpus at ${corpus}: fuzzing the fixtures only (use --corpus DIR)`)
const dir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-fuzz-'))
const crashDir = path.join(PROJECT, 'fixtures/hostile/crashes')
const started = Date.now()
const seconds = values.seconds ? Number(values.seconds) : undefined
const result = await fuzz({
  bases, dir, seed: values.seed ? Number(values.seed) : Date.now() % 1_000_000, seconds,
  iterations: values.iterations ? Number(values.iterations) : seconds ? undefined : 1000,
  onCrash: (c) => {
    mkdirSync(crashDir, {recursive: true})
    const file = path.join(crashDir, `${c.base.replace(/[^a-z0-9.]+/gi, '-')}-${c.seed}.json`)
    writeFileSync(file, `${JSON.stringify({...c, found: new Date().toISOString()}, null, 2)}\n`)
    console.log(`crash: ${c.base} seed ${c.seed}: ${c.problem.split('\n')[0]} -> ${path.relative(PROJECT, file)}`)
  },
})
rmSync(dir, {recursive: true, force: true})
console.log(`${result.iterations} iterations over ${bases.length} bases in ${((Date.now() - started) / 1000).toFixed(1)} s: ${result.crashes.length} crashes`)
process.exit(result.crashes.length > 0 ? 1 : 0)
