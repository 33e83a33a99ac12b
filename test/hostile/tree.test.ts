// The hostile tree, scanned end to end by the CLI: every property of issue 8 that a whole run shows.
import {lstatSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {buildHostileTree, type HostileTree} from '../../fixtures/hostile/tree.js'
import {encodeName} from '../../src/lib/fs-names.js'
import {type Canary, HAS_STRACE, records, runCli, snapshot, startCanary} from './support.js'

/** Codes a record may carry: system errors and the documented ones; anything else is a bug showing. */
const DOCUMENTED = /^(E[A-Z]+|corrupt-container|truncated|budget-exceeded|not-regular|outside-roots|encrypted|unsupported)$/

let canary: Canary
let tree: HostileTree
let before: string
const rel = (r: Record<string, any>) => path.relative(tree.root, r.path as string)

beforeAll(async () => {
  canary = await startCanary()
  tree = await buildHostileTree({canaryPort: canary.port})
  before = snapshot(tree.root)
}, 120_000)

afterAll(async () => {
  await canary?.close()
  tree?.cleanup()
})

// What strace saw: files opened outside the roots (and outside what Node itself loads), sockets, programs.
function leaks(trace: string, tree: HostileTree): string[] {
  const lines = trace.split('\n')
  return [
    ...lines.filter((l) => l.includes(tree.outside) && /open/.test(l)),
    ...lines.filter((l) => /connect\(.*AF_INET/.test(l)),
    ...lines.filter((l) => /execve\(/.test(l)).slice(1).filter((l) => !/execve\(".*\/node"/.test(l)),
  ]
}

describe('hostile tree, scanned by identify', () => {
  it('gives every entry exactly one record, opens no special file, and leaves and fetches nothing', async () => {
    const trace = HAS_STRACE ? path.join(os.tmpdir(), `passerelle-strace-${process.pid}.txt`) : undefined
    const run = await runCli(['identify', tree.root, '--format', 'ndjson'], {strace: trace})
    expect(run.status, run.stderr).toBe(0)
    expect(run.stderr, 'the run ends with its error counts').toMatch(/passerelle: \d+ files: .*; \d+ with errors \(.*not-regular \d+/)
    const recs = records(run.stdout)
    const paths = recs.map(rel)
    expect(new Set(paths).size, 'no entry reported twice').toBe(paths.length)
    const expected = [...tree.regular, ...Object.keys(tree.special), ...tree.locked.files, ...tree.locked.hidden].sort()
    expect([...paths].sort()).toEqual(expected)
    for (const r of recs) if (r.error) expect(r.error.code, `${rel(r)}: ${r.error.message}`).toMatch(DOCUMENTED)
    for (const name of Object.keys(tree.special)) expect(recs.find((r) => rel(r) === name)?.error?.code, name).toBe('not-regular')
    expect(canary.hits).toEqual([])
    if (trace) {
      expect(run.trace, 'strace saw the regular files opened').toContain(`${tree.root}/ole2/fat-loop.doc`)
      expect(leaks(run.trace!, tree)).toEqual([])
      const special = Object.keys(tree.special).map((s) => path.join(tree.root, s))
      expect(run.trace!.split('\n').filter((l) => /open/.test(l) && special.some((s) => l.includes(`"${s}"`))), 'special files never opened').toEqual([])
    } else console.warn('strace is not available: the no-read-outside check relies on the canary only')
  }, 180_000)

  it('keeps names that are not UTF-8 byte-exact: the record opens the very file', async () => {
    const run = await runCli(['identify', path.join(tree.root, 'bytes'), '--format', 'ndjson'])
    const recs = records(run.stdout)
    expect(recs).toHaveLength(tree.rawNames.length)
    for (const raw of tree.rawNames) {
      const bytes = Buffer.concat([Buffer.from(`${tree.root}/`), raw])
      const r = recs.find((x) => x.pathBase64 === bytes.toString('base64'))
      expect(r, raw.toString('latin1')).toBeDefined()
      expect(encodeName(r!.path).equals(bytes)).toBe(true)
      expect(r!.path).not.toContain('\ufffd')
      expect(lstatSync(bytes).isFile()).toBe(true)
      expect(r!.error).toBeUndefined()
      expect(r!.format).not.toBe('unknown')
    }
  })

  it('reports unreadable files and folders with EACCES and scans the rest (run as nobody)', async () => {
    const run = await runCli(['identify', tree.root, '--format', 'ndjson'], {unprivileged: true})
    expect(run.status, run.stderr).toBe(0)
    const recs = records(run.stdout)
    const byPath = new Map(recs.map((r) => [rel(r), r]))
    expect(byPath.get('perms/unreadable.doc')?.error?.code).toBe('EACCES')
    expect(byPath.get('perms/locked')?.error?.code).toBe('EACCES')
    expect(byPath.get('perms/no-search/visible-name.doc')?.error?.code).toBe('EACCES')
    expect(byPath.has('perms/locked/inner.doc')).toBe(false)
    for (const f of tree.regular) expect(byPath.get(f)?.error?.code ?? 'ok', f).not.toBe('EACCES')
    expect(recs.length).toBe(tree.regular.length + Object.keys(tree.special).length + 3)
  }, 120_000)

  it('follows links only when asked, never out of the root, and never twice into the same folder', async () => {
    const trace = HAS_STRACE ? path.join(os.tmpdir(), `passerelle-strace-follow-${process.pid}.txt`) : undefined
    const run = await runCli(['identify', tree.root, '--format', 'ndjson', '--follow-symlinks'], {strace: trace})
    expect(run.status, run.stderr).toBe(0)
    const recs = records(run.stdout)
    const byPath = new Map(recs.map((r) => [rel(r), r]))
    expect(byPath.size).toBe(recs.length)
    for (const [name, {follow}] of Object.entries(tree.special)) {
      if (follow === null) expect(byPath.has(name), name).toBe(false)
      else if (follow === 'ok') expect(byPath.get(name)?.error, name).toBeUndefined()
      else expect(byPath.get(name)?.error?.code, name).toBe(follow)
    }
    expect(recs.some((r) => rel(r).startsWith('special/up/'))).toBe(false)
    expect(canary.hits).toEqual([])
    if (trace) expect(leaks(run.trace!, tree)).toEqual([])
  }, 180_000)

  it('never inflates a bomb: memory stays bounded on the ZIP traps', async () => {
    // The built CLI, as users run it: under NODE_ENV=test oclif transpiles src/ on the fly, and the
    // transpiler's memory grows with the code base, not with the input.
    const run = await runCli(['identify', path.join(tree.root, 'zip'), '--format', 'ndjson', '--concurrency', '1'], {env: {NODE_ENV: 'production'}})
    expect(run.status, run.stderr).toBe(0)
    expect(records(run.stdout).map(rel).sort()).toEqual(tree.regular.filter((r) => r.startsWith('zip/')).sort())
    // The bomb's main part alone would take 128 MiB; Node itself needs about 70.
    expect(run.peakMb, 'peak memory was measured').toBeGreaterThan(20)
    expect(run.peakMb, `peak ${run.peakMb} MB`).toBeLessThan(160)
  })

  it('scan finishes with the errors counted, exit 0, nothing fetched', async () => {
    const run = await runCli(['scan', tree.root, '--format', 'json'])
    expect(run.status, run.stderr).toBe(0)
    const result = JSON.parse(run.stdout)
    expect(result.summary.artifacts).toBe(tree.regular.length + Object.keys(tree.special).length + tree.locked.files.length + tree.locked.hidden.length)
    expect(result.summary.errors).toBe(result.errors.length)
    expect(result.errors.length).toBeGreaterThan(100)
    expect(canary.hits).toEqual([])
  }, 120_000)

  it('never writes to the scanned tree', () => {
    expect(snapshot(tree.root)).toBe(before)
  })
})
