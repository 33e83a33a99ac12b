// scan --store, then history and diff, as an admin runs them: SQLite with no set-up, PostgreSQL with the URL alone.
import {spawn} from 'node:child_process'
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {ScanResult} from '../../src/model.js'
import {cli} from '../support/cli.js'
import {EXPORT, PROJECT, SHARE} from '../support/paths.js'
import {type Cluster, postgresBin, startCluster} from '../support/postgres.js'

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'passerelle-history-'))

/** Scan a copy of the sample share twice, removing the legacy binaries in between; return the store. */
function twoRuns(store: string, env: Record<string, string> = {}): void {
  const share = path.join(tmp(), 'share')
  cpSync(SHARE, share, {recursive: true})
  expect(cli(['scan', share, '--inventory', EXPORT, '--store', store, '--label', 'before'], {env}).status).toBe(0)
  for (const f of ['finance/budget-2019.xls', 'letters/letter-to-mayor.doc', 'slides/all-hands.ppt']) rmSync(path.join(share, f))
  writeFileSync(path.join(share, 'open/new-report.odt'), readFileSync(path.join(SHARE, 'open/minutes.odt')))
  expect(cli(['scan', share, '--inventory', EXPORT, '--store', store, '--label', 'after'], {env}).status).toBe(0)
}

function checkHistory(store: string): void {
  const h = JSON.parse(cli(['history', '--store', store, '-f', 'json']).stdout)
  expect(h.runs.map((r: {label: string; status: string}) => [r.label, r.status])).toEqual([['before', 'complete'], ['after', 'complete']])
  expect(h.trend[0].odfShare).toBeCloseTo(2 / 12, 5)
  expect(h.trend[1].odfShare).toBeCloseTo(3 / 10, 5)
  const d = JSON.parse(cli(['diff', String(h.runs[0].id), String(h.runs[1].id), '--store', store, '-f', 'json']).stdout)
  expect(d.fixed.map((f: {subject: {relativePath: string}}) => f.subject.relativePath).sort()).toEqual(['finance/budget-2019.xls', 'letters/letter-to-mayor.doc', 'slides/all-hands.ppt'])
  // Only the file added between the runs can bring new findings (rules may judge ODF files too).
  for (const f of d.new) expect(f.subject.relativePath).toBe('open/new-report.odt')
  expect(d.stillOpen.length).toBeGreaterThan(5)
  const table = cli(['history', '--store', store]).stdout
  expect(table).toContain('ODF share of office documents: 16.7% → 30.0%')
}

describe('history on SQLite', () => {
  it('records two scans and shows the trend and the diff', () => {
    const store = path.join(tmp(), 'h.sqlite')
    twoRuns(store)
    checkHistory(store)
  })

  it('uses PASSERELLE_STORE when no --store is given, and --record with it', () => {
    const store = path.join(tmp(), 'env.sqlite')
    expect(cli(['scan', SHARE, '--record'], {env: {PASSERELLE_STORE: store}}).status).toBe(0)
    expect(JSON.parse(cli(['history', '-f', 'json'], {env: {PASSERELLE_STORE: store}}).stdout).runs).toHaveLength(1)
  })

  it('renders CSV for Excel and an offline HTML trend chart', () => {
    const store = path.join(tmp(), 'h.sqlite')
    twoRuns(store)
    const csv = cli(['history', '--store', store, '-f', 'csv']).stdout
    expect(csv.startsWith('\ufeffrun,started_at,host')).toBe(true)
    expect(csv.trim().split('\r\n')).toHaveLength(3)
    const html = cli(['history', '--store', store, '-f', 'html']).stdout
    expect(html).toContain('<svg')
    expect(html).toContain('ODF share of office documents')
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/)
  })

  it('takes two scanner processes writing to one file at once', async () => {
    const store = path.join(tmp(), 'shared.sqlite')
    const run = () => new Promise<number>((resolve) => {
      const p = spawn(process.execPath, [path.join(PROJECT, 'bin/run.js'), 'scan', SHARE, '--store', store], {stdio: 'ignore'})
      p.on('exit', (code) => resolve(code ?? -1))
    })
    expect(await Promise.all([run(), run()])).toEqual([0, 0])
    const h = JSON.parse(cli(['history', '--store', store, '-f', 'json']).stdout)
    const expected = ScanResult.parse(JSON.parse(cli(['scan', SHARE, '-f', 'json']).stdout)).summary.findings
    expect(h.runs.map((r: {findings: number; status: string}) => [r.findings, r.status])).toEqual([[expected, 'complete'], [expected, 'complete']])
  })

  it('fails with exit 2 naming a run that is not there', () => {
    const store = path.join(tmp(), 'h.sqlite')
    expect(cli(['scan', SHARE, '--store', store]).status).toBe(0)
    const r = cli(['diff', '1', '99', '--store', store])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('run 99 is not in the store')
  })
})

describe.skipIf(!postgresBin())(`history on PostgreSQL${postgresBin() ? '' : ' (skipped: PostgreSQL server binaries not installed)'}`, () => {
  let cluster: Cluster
  beforeAll(async () => {
    cluster = await startCluster()
  }, 120_000)
  afterAll(() => cluster?.stop())

  it('works with the URL alone', () => {
    twoRuns(cluster.url())
    checkHistory(cluster.url())
  })
})

describe('merge', () => {
  it('combines results from two hosts, de-duplicating findings by fingerprint', () => {
    const dir = tmp()
    const a = path.join(dir, 'a.json')
    const b = path.join(dir, 'b.json')
    expect(cli(['scan', SHARE, '-f', 'json', '-o', a]).status).toBe(0)
    expect(cli(['scan', SHARE, '--inventory', EXPORT, '-f', 'json', '-o', b]).status).toBe(0)
    const merged = ScanResult.parse(JSON.parse(cli(['merge', a, b]).stdout))
    const single = ScanResult.parse(JSON.parse(readFileSync(b, 'utf8')))
    expect(merged.findings.length).toBe(single.findings.length)
    expect(merged.summary.artifacts).toBe(32)
    expect(new Set(merged.findings.map((f) => f.fingerprint)).size).toBe(merged.findings.length)
  })

  it('names a file that is not a ScanResult', () => {
    const bad = path.join(tmp(), 'bad.json')
    writeFileSync(bad, '{"hello": 1}')
    const r = cli(['merge', bad])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain(`${bad}: not a passerelle scan result`)
  })
})
