// Ticket sync against a real Redmine and a real Request Tracker 5 (Debian packages, see .ci/run), each
// with a `Fingerprint` custom field in one project/queue and none in another: sync twice (the second
// creates nothing), remove the legacy .doc/.xls/.ppt files and sync again (their tickets close), bring
// them back (their tickets reopen). Skipped, with the reason, only when a server cannot start.
import {cpSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {ScanResult} from '../../src/model.js'
import {ESTATE} from '../support/paths.js'
import {runCli} from './support/run-cli.js'
import {startRedmine, startRt, type Started} from './support/servers.js'

const LEGACY = new Set(['doc', 'dot', 'xls', 'ppt'])
const dir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-trackers-'))
const suffix = path.basename(dir).replace(/[^a-z0-9]/gi, '').toLowerCase()
const full = path.join(dir, 'full.json')
const fixed = path.join(dir, 'fixed.json')
const started: Record<string, Started> = {}
let groupsFull = 0
let gone = 0

/** The group keys (rule × folder or host) of a saved result, as the sync sees them. */
function groupKeys(file: string): Set<string> {
  const r = ScanResult.parse(JSON.parse(readFileSync(file, 'utf8')))
  return new Set(r.findings.map((f) => `${f.ruleId} ${f.subject.kind === 'artifact' ? f.subject.relativePath.split('/').slice(0, -1)[0] ?? '.' : f.subject.host}`))
}

beforeAll(async () => {
  // A copy of the sample estate: scanned whole, then without its legacy binary Office files.
  const share = path.join(dir, 'estate', 'share')
  cpSync(path.join(ESTATE, 'share'), share, {recursive: true})
  const inventory = path.join(ESTATE, 'exports/installed_programs.csv')
  const servers = Promise.all([startRedmine(path.join(dir, 'redmine'), suffix), startRt(path.join(dir, 'rt'), suffix)])
  expect((await runCli(['scan', share, '-i', inventory, '-f', 'json', '-o', full])).status).toBe(0)
  const legacy = ScanResult.parse(JSON.parse(readFileSync(full, 'utf8'))).findings.flatMap((f) => (f.subject.kind === 'artifact' && LEGACY.has(f.subject.format) ? [f.subject.path] : []))
  for (const p of new Set(legacy)) rmSync(p)
  expect((await runCli(['scan', share, '-i', inventory, '-f', 'json', '-o', fixed])).status).toBe(0)
  const before = groupKeys(full)
  const after = groupKeys(fixed)
  groupsFull = before.size
  gone = [...before].filter((k) => !after.has(k)).length
  ;[started.redmine, started.rt] = await servers
  for (const [name, s] of Object.entries(started)) console.log(s.ok ? `${name} ready in ${(s.server.startedIn / 1000).toFixed(1)} s at ${s.server.url} (pid ${s.server.pid})` : `${name} integration test skipped: ${s.reason}`)
}, 600_000)

afterAll(async () => {
  await Promise.all(Object.values(started).map((s) => (s.ok ? s.server.stop() : undefined)))
  rmSync(dir, {recursive: true, force: true})
}, 60_000)

const trackers = [
  {tracker: 'redmine', env: 'REDMINE_API_KEY'},
  {tracker: 'rt', env: 'RT_TOKEN'},
]
const line = (out: string) => out.trim().split('\n').at(-1)!

/** Ask the tracker itself, not the sync: how many tickets of the project are closed, and their stored fingerprints. */
async function closedInTracker(tracker: string, url: string, secret: string, project: string): Promise<{closed: number; fields: string[]}> {
  if (tracker === 'redmine') {
    const res = await fetch(`${url}/issues.json?project_id=${project}&status_id=closed&limit=100`, {headers: {'X-Redmine-API-Key': secret}})
    const json = await res.json() as {total_count: number; issues: {custom_fields?: {name: string; value: string}[]}[]}
    return {closed: json.total_count, fields: json.issues.flatMap((i) => i.custom_fields?.filter((c) => c.name === 'Fingerprint').map((c) => c.value) ?? [])}
  }
  const q = encodeURIComponent(`Queue = '${project}' AND Status = 'resolved'`)
  const res = await fetch(`${url}/REST/2.0/tickets?query=${q}&fields=CustomFields&per_page=100`, {headers: {Authorization: `token ${secret}`}})
  const json = await res.json() as {total: number; items: {CustomFields: {name: string; values: string[]}[] | string}[]}
  return {closed: json.total, fields: json.items.flatMap((i) => (Array.isArray(i.CustomFields) ? i.CustomFields.filter((c) => c.name === 'Fingerprint').flatMap((c) => c.values) : []))}
}

describe.each(trackers)('tickets sync against a real $tracker', ({tracker, env}) => {
  for (const field of ['withField', 'withoutField'] as const) {
    it(`${field === 'withField' ? 'with' : 'without'} a Fingerprint custom field: creates once, then nothing, closes the fixed groups, reopens them`, async (ctx) => {
      const s = started[tracker]!
      if (!s.ok) return ctx.skip(s.reason)
      const sync = async (file: string) => {
        const t0 = Date.now()
        const r = await runCli(['tickets', 'sync', file, '--tracker', tracker, '--url', s.server.url, '--project', s.server[field]], {[env]: s.server.secret})
        expect(r.stderr, r.stderr).toBe('')
        expect(r.status).toBe(0)
        console.log(`${tracker} ${field}: ${line(r.stdout)} (${Date.now() - t0} ms)`)
        expect(r.stdout).not.toContain(s.server.secret)
        return line(r.stdout)
      }
      expect(gone).toBeGreaterThan(0)
      expect(await sync(full)).toBe(`created ${groupsFull}, updated 0, reopened 0, closed 0, unchanged 0`)
      expect(await sync(full)).toBe(`created 0, updated 0, reopened 0, closed 0, unchanged ${groupsFull}`)
      expect(await sync(fixed)).toBe(`created 0, updated 0, reopened 0, closed ${gone}, unchanged ${groupsFull - gone}`)
      const seen = await closedInTracker(tracker, s.server.url, s.server.secret, s.server[field])
      expect(seen.closed).toBe(gone)
      if (field === 'withField') expect(seen.fields.filter((f) => /^[0-9a-f]{64}$/.test(f))).toHaveLength(gone)
      else expect(seen.fields).toEqual([])
      expect(await sync(full)).toBe(`created 0, updated 0, reopened ${gone}, closed 0, unchanged ${groupsFull - gone}`)
    }, 600_000)
  }
})
