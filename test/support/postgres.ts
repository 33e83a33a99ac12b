// A throw-away PostgreSQL cluster for tests: initdb in a temp folder, listening on 127.0.0.1 only,
// stopped by the test that started it. Needs Debian's postgresql package (.ci/run installs it).
import {execFileSync, spawnSync} from 'node:child_process'
import {chownSync, existsSync, mkdtempSync, readdirSync} from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

export type Cluster = {url: (db?: string) => string; stop: () => void}

/** The bin folder of the newest installed PostgreSQL, if any. */
export function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return undefined
  const versions = readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin/initdb'))).sort((a, b) => Number(b) - Number(a))
  return versions[0] ? path.join(root, versions[0], 'bin') : undefined
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port
      s.close(() => resolve(port))
    })
    s.on('error', reject)
  })
}

/** Start a cluster; as root it runs as the postgres user, since PostgreSQL refuses to run as root. */
export async function startCluster(): Promise<Cluster> {
  const bin = postgresBin()
  if (!bin) throw new Error('PostgreSQL server binaries are not installed (apt-get install postgresql)')
  const dir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-pg-'))
  const asRoot = process.getuid?.() === 0
  const uid = asRoot ? Number(execFileSync('id', ['-u', 'postgres']).toString().trim()) : undefined
  const gid = asRoot ? Number(execFileSync('id', ['-g', 'postgres']).toString().trim()) : undefined
  if (uid !== undefined) chownSync(dir, uid, gid!)
  const as = (cmd: string, args: string[]) => {
    const full = uid !== undefined ? ['setpriv', `--reuid=${uid}`, `--regid=${gid}`, '--clear-groups', cmd, ...args] : [cmd, ...args]
    const r = spawnSync(full[0]!, full.slice(1), {encoding: 'utf8', cwd: dir})
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`)
  }
  const data = path.join(dir, 'data')
  as(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'])
  const port = await freePort()
  as(path.join(bin, 'pg_ctl'), ['-D', data, '-l', path.join(dir, 'log'), '-w', '-t', '60', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start'])
  return {
    url: (db = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${db}`,
    stop: () => as(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']),
  }
}
