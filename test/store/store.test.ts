// The store's contract on both backends: migrations, runs, findings first/last seen, ticket links,
// and two writers at once on the same database.
import {mkdtempSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {openStore} from '../../src/store/open.js'
import type {RunEnd, Store} from '../../src/store/records.js'
import {type Cluster, postgresBin, startCluster} from '../support/postgres.js'

const end = (over: Partial<RunEnd> = {}): RunEnd => ({
  finishedAt: new Date().toISOString(), status: 'complete', artifacts: 3, software: 0, findings: 2, errors: 0,
  byFormat: {doc: 2, odt: 1}, byFeature: {'vba-macros': 1}, bySeverity: {medium: 2}, scores: {'fr-rgi-v2': 0.5}, suppressed: [], ...over,
})
const finding = (fp: string) => ({fingerprint: fp, ruleId: 'office.legacy-word-binary', title: 't', severity: 'medium', seenAt: new Date().toISOString(),
  subject: {kind: 'artifact', path: `/s/${fp}.doc`, relativePath: `${fp}.doc`, format: 'doc'}})
const start = (label: string) => ({label, host: 'h', startedAt: new Date().toISOString(), toolVersion: '0.1.0', roots: ['/s'], inventories: []})

const HAS_PG = postgresBin() !== undefined
let cluster: Cluster | undefined
let dbCount = 0

beforeAll(async () => {
  if (HAS_PG) cluster = await startCluster()
}, 120_000)
afterAll(() => cluster?.stop())

async function freshPostgres(): Promise<string> {
  const name = `passerelle_test_${process.pid}_${++dbCount}`
  const admin = await openStore(cluster!.url()) // migrates the admin db too: harmless
  await admin.close()
  const pg = (await import('pg')).default
  const c = new pg.Client({connectionString: cluster!.url()})
  await c.connect()
  await c.query(`CREATE DATABASE ${name}`)
  await c.end()
  return cluster!.url(name)
}

const backends: Array<[string, () => Promise<string>, boolean]> = [
  ['sqlite', async () => path.join(mkdtempSync(path.join(os.tmpdir(), 'passerelle-store-')), 'h.sqlite'), true],
  ['postgres', freshPostgres, HAS_PG],
]

for (const [name, target, available] of backends) {
  describe.skipIf(!available)(`${name} store${available ? '' : ' (skipped: PostgreSQL server binaries not installed)'}`, () => {
    it('migrates once and reopens without re-applying', async () => {
      const t = await target()
      const a = await openStore(t)
      await a.close()
      const b = await openStore(t)
      expect(await b.runs()).toEqual([])
      await b.close()
    })

    it('keeps runs with counts and scores, and findings with first and last seen', async () => {
      const store: Store = await openStore(await target())
      const r1 = await store.startRun(start('q1'))
      await store.addFindings(r1, [finding('a'), finding('b')])
      await store.finishRun(r1, end())
      const r2 = await store.startRun(start('q2'))
      await store.addFindings(r2, [finding('b'), finding('c')])
      await store.finishRun(r2, end({byFormat: {doc: 1, odt: 2}}))
      const runs = await store.runs()
      expect(runs.map((r) => [r.id, r.label, r.status])).toEqual([[r1, 'q1', 'complete'], [r2, 'q2', 'complete']])
      expect(runs[1]!.byFormat).toEqual({doc: 1, odt: 2})
      expect(runs[0]!.scores).toEqual({'fr-rgi-v2': 0.5})
      const seen = await store.runFindings(r2)
      expect(seen.map((f) => [f.fingerprint, f.firstSeenRun, f.lastSeenRun])).toEqual([['b', r1, r2], ['c', r2, r2]])
      expect(seen[0]!.subject).toMatchObject({kind: 'artifact', relativePath: 'b.doc'})
      await store.close()
    })

    it('links tickets to fingerprints, updating on a second link', async () => {
      const store = await openStore(await target())
      await store.linkTicket({fingerprint: 'g1', tracker: 'redmine', ticket: '7'})
      await store.linkTicket({fingerprint: 'g1', tracker: 'redmine', ticket: '9', url: 'http://127.0.0.1/issues/9'})
      expect(await store.ticketLinks('redmine')).toEqual([{fingerprint: 'g1', tracker: 'redmine', ticket: '9', url: 'http://127.0.0.1/issues/9'}])
      await store.close()
    })

    it('takes two writers at once without losing a row or deadlocking', async () => {
      const t = await target()
      await (await openStore(t)).close()
      const writer = async (label: string, fps: string[]) => {
        const store = await openStore(t)
        const id = await store.startRun(start(label))
        for (let i = 0; i < fps.length; i += 700) await store.addFindings(id, fps.slice(i, i + 700).map(finding))
        await store.finishRun(id, end())
        await store.close()
        return id
      }
      // Overlapping fingerprints, given in opposite orders: the classic deadlock shape.
      const shared = Array.from({length: 3000}, (_, i) => `s${String(i).padStart(5, '0')}`)
      const [a, b] = await Promise.all([
        writer('site-a', [...shared, ...Array.from({length: 2000}, (_, i) => `a${i}`)]),
        writer('site-b', [...[...shared].reverse(), ...Array.from({length: 2000}, (_, i) => `b${i}`)]),
      ])
      const store = await openStore(t)
      expect((await store.runFindings(a)).length).toBe(5000)
      expect((await store.runFindings(b)).length).toBe(5000)
      await store.close()
    })
  })
}
