// GitHub and GitLab adapters against recorded HTTP exchanges replayed on 127.0.0.1, through the CLI.
import {mkdtempSync, readFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {runCli} from './support/run-cli.js'
import {replay, type Exchange, type Replay} from './support/replay.js'
import {rateLimitWait} from '../../src/tickets/http.js'
import {finding, writeResult} from './support/results.js'

const TOKEN = 'tok-SECRET-4242'
const load = (name: string): Exchange[] => JSON.parse(readFileSync(path.join(import.meta.dirname, 'exchanges', `${name}.json`), 'utf8')).exchanges
const dir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-tickets-'))
// Four groups: letters (2 files), finance, tools, and a host; a suppressed finding that must open nothing.
const result = writeResult(path.join(dir, 'result.json'), [
  finding('office.legacy-word-binary', 'letters/a.doc'), finding('office.legacy-word-binary', 'letters/b.doc'),
  finding('office.legacy-excel-binary', 'finance/q.xls'), finding('office.vba-macros', 'tools/m.docm'),
  finding('eos.flash-player', 'host:PC-FIN-01'),
  finding('office.vba-macros', 'hr/waiver.docm', {suppression: {reason: 'signed macro, approved', source: '.passerelle-ignore.yaml:3'}}),
])

const cases = [
  {tracker: 'github', env: 'GITHUB_TOKEN', project: 'acme/estate', auth: (h: Record<string, unknown>) => h.authorization === `Bearer ${TOKEN}`},
  {tracker: 'gitlab', env: 'GITLAB_TOKEN', project: 'acme/estate', auth: (h: Record<string, unknown>) => h['private-token'] === TOKEN},
]

let server: Replay | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

describe.each(cases)('tickets sync --tracker $tracker (recorded exchanges)', ({tracker, env, project, auth}) => {
  it('creates, updates, reopens the oldest match, closes the gone group and leaves the unchanged one', async () => {
    server = await replay(load(tracker))
    const r = await runCli(['tickets', 'sync', result, '--tracker', tracker, '--url', server.url, '--project', project], {[env]: TOKEN})
    expect(server.mismatches).toEqual([])
    expect(r.stderr).toBe('')
    expect(r.stdout.trim().split('\n').at(-1)).toBe('created 1, updated 1, reopened 1, closed 1, unchanged 1')
    expect(server.remaining()).toBe(0)
    expect(server.seen.every((s) => auth(s.headers))).toBe(true)
    expect(r.stdout + r.stderr).not.toContain(TOKEN)
    const created = server.seen.find((s) => s.method === 'POST' && /\/issues$/.test(s.path))!.body as Record<string, string>
    expect(created.body ?? created.description).toContain('<!-- passerelle-fingerprint: 9a0b5c38293f3d74a06b29c7b397f5cc8cef716e1911785fb2042f80d70c7593 -->')
  })

  it('--dry-run reads the tracker only and prints the plan', async () => {
    server = await replay(load(tracker).filter((e) => e.method === 'GET'))
    const r = await runCli(['tickets', 'sync', result, '--tracker', tracker, '--url', server.url, '--project', project, '--dry-run'], {[env]: TOKEN})
    expect(server.mismatches).toEqual([])
    expect(server.seen.map((s) => s.method)).toEqual(['GET', 'GET', 'GET'])
    expect(r.stdout).toMatch(/^create\s+new\s+9a0b5c38293f .*Adobe Flash Player.*1 package on PC-FIN-01$/m)
    expect(r.stdout).toMatch(/^close\s+#9\s+0f3cfa3e77f6 /m)
    expect(r.stdout).toMatch(/^reopen\s+#3\s/m)
    expect(r.stdout.trim().split('\n').at(-1)).toBe('plan: created 1, updated 1, reopened 1, closed 1, unchanged 1')
  })

  it('names the variable when the token is missing, and never prints a rejected token', async () => {
    const missing = await runCli(['tickets', 'sync', result, '--tracker', tracker, '--project', project], {[env]: ''})
    expect(missing.status).toBe(2)
    expect(missing.stderr).toContain(env)
    server = await replay([{...load(tracker)[0]!, status: 401, response: {message: 'Bad credentials'}}])
    const r = await runCli(['tickets', 'sync', result, '--tracker', tracker, '--url', server.url, '--project', project], {[env]: TOKEN})
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/HTTP 401 \(check the token in the environment\)/)
    expect(r.stdout + r.stderr).not.toContain(TOKEN)
  })
})

describe('tickets sync errors', () => {
  it('exits 2 naming a result file that is not a scan result', async () => {
    const r = await runCli(['tickets', 'sync', path.join(dir, 'nope.json'), '--tracker', 'redmine', '--url', 'http://127.0.0.1:9', '--project', 'x'], {REDMINE_API_KEY: 'k'})
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('nope.json: no such file')
  })

  it('exits 2 naming the tracker when it cannot be reached', async () => {
    const r = await runCli(['tickets', 'sync', result, '--tracker', 'redmine', '--url', 'http://127.0.0.1:9', '--project', 'x'], {REDMINE_API_KEY: 'k'})
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('redmine: cannot reach http://127.0.0.1:9')
  })
})

describe('rate limits', () => {
  it('reads the wait from retry-after, x-ratelimit-reset, or 1 s; other errors are not rate limits', () => {
    const h = (o: Record<string, string>) => new Headers(o)
    expect(rateLimitWait(429, h({'retry-after': '7'}))).toBe(7000)
    expect(rateLimitWait(403, h({'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1010'}), 1_000_000)).toBe(10_000)
    expect(rateLimitWait(503, h({}))).toBe(1000)
    expect(rateLimitWait(403, h({}))).toBeUndefined()
    expect(rateLimitWait(404, h({'retry-after': '3'}))).toBeUndefined()
  })

  it('waits and retries when GitHub answers a secondary rate limit', async () => {
    const [first, ...rest] = load('github').filter((e) => e.method === 'GET')
    server = await replay([{...first!, status: 403, headers: {'retry-after': '1'}, response: {message: 'You have exceeded a secondary rate limit'}}, first!, ...rest])
    const t0 = Date.now()
    const r = await runCli(['tickets', 'sync', result, '--tracker', 'github', '--url', server.url, '--project', 'acme/estate', '--dry-run'], {GITHUB_TOKEN: TOKEN})
    expect(server.mismatches).toEqual([])
    expect(r.status).toBe(0)
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1000)
    expect(r.stdout.trim().split('\n').at(-1)).toBe('plan: created 1, updated 1, reopened 1, closed 1, unchanged 1')
  })
})
