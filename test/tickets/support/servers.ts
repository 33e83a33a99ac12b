// Real Redmine and Request Tracker 5 (Debian packages, installed by .ci/run) started for one test run on
// 127.0.0.1, each on a free port and on its own copy of the package's SQLite database, so runs never see
// each other's data. Stopped by the PID this module spawned.
import {execFile, spawn, type ChildProcess} from 'node:child_process'
import {copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync} from 'node:fs'
import {createServer, type AddressInfo} from 'node:net'
import path from 'node:path'
import {promisify} from 'node:util'

const run = promisify(execFile)
const REDMINE_HOME = '/usr/share/redmine'
const REDMINE_DB = '/var/lib/dbconfig-common/sqlite3/redmine/instances/default/redmine_default'
const RT_SERVER = '/usr/share/request-tracker5/libexec/rt-server'
const RT_DB = '/var/lib/dbconfig-common/sqlite3/request-tracker5/rtdb'
const RT_SITE_DIR = '/etc/request-tracker5/RT_SiteConfig.d'

export type Running = {url: string; pid: number; secret: string; withField: string; withoutField: string; startedIn: number; stop: () => Promise<void>}
export type Started = {ok: true; server: Running} | {ok: false; reason: string}

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  const s = createServer()
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))
  const {port} = s.address() as AddressInfo
  await new Promise((resolve) => s.close(resolve))
  return port
}

/** Poll until the server answers (any status below 500), with a bounded number of tries. */
async function waitReady(url: string, child: ChildProcess, seconds: number): Promise<string | undefined> {
  for (let i = 0; i < seconds * 2; i++) {
    if (child.exitCode !== null) return `exited with code ${child.exitCode}`
    try {
      const res = await fetch(url, {redirect: 'manual', signal: AbortSignal.timeout(5000)})
      if (res.status < 500) return undefined
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  return `not ready after ${seconds} s`
}

/** Stop a spawned server by its PID: TERM, then KILL if it has not gone within 10 s. */
function stopper(child: ChildProcess): () => Promise<void> {
  return async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const gone = new Promise((resolve) => child.once('exit', resolve))
    process.kill(child.pid!, 'SIGTERM')
    const timer = setTimeout(() => child.exitCode === null && process.kill(child.pid!, 'SIGKILL'), 10_000)
    await gone
    clearTimeout(timer)
  }
}

function serve(cmd: string[], env: NodeJS.ProcessEnv, cwd: string, log: string[]): ChildProcess {
  // `timeout` is a safety net: the server dies on its own if the test process never stops it.
  const child = spawn('timeout', ['900', ...cmd], {cwd, env: {...process.env, ...env}, stdio: ['ignore', 'pipe', 'pipe']})
  const keep = (c: Buffer) => log.push(c.toString())
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  return child
}

const tail = (log: string[]) => log.join('').split('\n').slice(-8).join('\n')

/** Start Redmine (webrick) on a copy of its database; create the API key, a Fingerprint field and two projects. */
export async function startRedmine(dir: string, suffix: string): Promise<Started> {
  if (!existsSync(`${REDMINE_HOME}/bin/rails`) || !existsSync(REDMINE_DB)) return {ok: false, reason: `Redmine is not installed (${REDMINE_HOME}, ${REDMINE_DB}); .ci/run installs the Debian packages redmine and redmine-sqlite`}
  mkdirSync(dir, {recursive: true})
  copyFileSync(REDMINE_DB, path.join(dir, 'redmine.sqlite3'))
  const env = {X_DEBIAN_SITEID: 'default', RAILS_ENV: 'production', DATABASE_URL: `sqlite3:${path.join(dir, 'redmine.sqlite3')}`}
  const port = await freePort()
  const t0 = Date.now()
  const log: string[] = []
  const child = serve(['ruby', 'bin/rails', 'server', '-u', 'webrick', '-e', 'production', '-b', '127.0.0.1', '-p', String(port), '-P', path.join(dir, 'redmine.pid')], env, REDMINE_HOME, log)
  const setup = run('ruby', ['bin/rails', 'runner', path.join(import.meta.dirname, 'redmine-setup.rb'), suffix], {cwd: REDMINE_HOME, env: {...process.env, ...env}, timeout: 300_000})
  const [ready, made] = await Promise.all([waitReady(`http://127.0.0.1:${port}/`, child, 240), setup.then((r) => r.stdout, (e: Error) => e)])
  if (ready || made instanceof Error) {
    await stopper(child)()
    return {ok: false, reason: `Redmine did not start on 127.0.0.1:${port}: ${ready ?? (made as Error).message}\n${tail(log)}`}
  }
  const info = JSON.parse((made as string).trim().split('\n').at(-1)!)
  return {ok: true, server: {url: `http://127.0.0.1:${port}`, pid: child.pid!, secret: info.key, withField: info.withField, withoutField: info.withoutField, startedIn: Date.now() - t0, stop: stopper(child)}}
}

/** Start RT 5 (standalone server) on a copy of its database; create a token, a Fingerprint field and two queues. */
export async function startRt(dir: string, suffix: string): Promise<Started> {
  if (!existsSync(RT_SERVER) || !existsSync(RT_DB)) return {ok: false, reason: `Request Tracker 5 is not installed (${RT_SERVER}, ${RT_DB}); .ci/run installs request-tracker5, rt5-db-sqlite and rt5-standalone`}
  const siteDir = path.join(dir, 'RT_SiteConfig.d')
  mkdirSync(siteDir, {recursive: true})
  copyFileSync(RT_DB, path.join(dir, 'rtdb'))
  const port = await freePort()
  // The package's site config, with the database and base URL of this run in place of dbconfig-common's;
  // mail goes to a file, and the token is hashed with a cheap bcrypt cost (RT checks it on every request).
  for (const f of readdirSync(RT_SITE_DIR).filter((f) => f.endsWith('.pm') && !f.includes('dbconfig'))) copyFileSync(path.join(RT_SITE_DIR, f), path.join(siteDir, f))
  writeFileSync(path.join(siteDir, '99-passerelle-test.pm'), `Set($DatabaseType, 'SQLite');\nSet($DatabaseName, '${path.join(dir, 'rtdb')}');\nSet($WebBaseURL, 'http://127.0.0.1:${port}');\nSet($WebPath, '/rt');\nSet($LogToSyslog, undef);\nSet($LogToSTDERR, 'error');\nSet($MailCommand, 'testfile');\nSet($BcryptCost, 4);\n1;\n`)
  const env = {RT_SITE_CONFIG_DIR: siteDir}
  const made = await run('perl', [path.join(import.meta.dirname, 'rt-setup.pl'), suffix], {env: {...process.env, ...env}, timeout: 300_000}).then((r) => r.stdout, (e: Error) => e)
  if (made instanceof Error) return {ok: false, reason: `RT setup failed: ${made.message}`}
  const t0 = Date.now()
  const log: string[] = []
  const child = serve(['perl', RT_SERVER, '--server', 'Standalone', '--listen', `127.0.0.1:${port}`, '--webpath', '/rt'], env, dir, log)
  const ready = await waitReady(`http://127.0.0.1:${port}/rt/REST/2.0/`, child, 240)
  if (ready) {
    await stopper(child)()
    return {ok: false, reason: `RT did not start on 127.0.0.1:${port}: ${ready}\n${tail(log)}`}
  }
  const info = JSON.parse(made.trim().split('\n').at(-1)!)
  return {ok: true, server: {url: `http://127.0.0.1:${port}/rt`, pid: child.pid!, secret: info.token, withField: info.withField, withoutField: info.withoutField, startedIn: Date.now() - t0, stop: stopper(child)}}
}
