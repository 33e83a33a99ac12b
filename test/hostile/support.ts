// Shared helpers of the hostile suite: a canary server that fails the test on any request, an async CLI
// runner (the canary must keep answering while the CLI runs), an optional strace, and a tree snapshot.
import {spawn, spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {lstatSync, readdirSync, readFileSync} from 'node:fs'
import {createServer, type Server} from 'node:net'
import path from 'node:path'
import {PROJECT} from '../support/paths.js'

/** A TCP listener on 127.0.0.1 that records every connection (HTTP or not) the scanned content might cause. */
export type Canary = {port: number; hits: string[]; close(): Promise<void>}

/** Start the canary. */
export async function startCanary(): Promise<Canary> {
  const hits: string[] = []
  const server: Server = createServer((socket) => {
    socket.once('data', (d) => hits.push(d.toString('latin1').split('\r\n')[0] ?? '?'))
    hits.push('connection')
    socket.end('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as {port: number}).port
  return {port, hits, close: () => new Promise((resolve) => server.close(() => resolve()))}
}

export type Run = {stdout: string; stderr: string; status: number | null; ms: number; trace?: string; /** Peak resident memory, from /proc (not under strace). */ peakMb: number}

/** Run the CLI without blocking the event loop; optionally as nobody, optionally under strace. */
export async function runCli(args: string[], o: {unprivileged?: boolean; strace?: string; timeoutMs?: number; env?: Record<string, string>} = {}): Promise<Run> {
  let command = [process.execPath, path.join(PROJECT, 'bin/run.js'), ...args]
  if (o.unprivileged && process.getuid?.() === 0) command = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', ...command]
  if (o.strace) command = ['strace', '-f', '-qq', '-e', 'trace=open,openat,openat2,connect,execve,sendto', '-o', o.strace, ...command]
  const started = Date.now()
  return new Promise((resolve) => {
    const child = spawn(command[0]!, command.slice(1), {cwd: '/', env: {...process.env, NO_COLOR: '1', HOME: '/tmp', ...o.env}})
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (d: Buffer) => out.push(d))
    child.stderr.on('data', (d: Buffer) => err.push(d))
    const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 120_000)
    let peakMb = 0
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))
        if (m) peakMb = Math.max(peakMb, Number(m[1]) / 1024)
      } catch {}
    }, 25)
    child.on('close', (status) => {
      clearTimeout(timer)
      clearInterval(poll)
      resolve({stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), status, ms: Date.now() - started, peakMb,
        trace: o.strace ? readFileSync(o.strace, 'latin1') : undefined})
    })
  })
}

/** True when strace works here (ptrace may be refused in some containers). */
export const HAS_STRACE = spawnSync('strace', ['-qq', '-e', 'trace=none', 'true']).status === 0

/** Type, mode, size, mtime, ctime and (for small files) content of every entry: anything written shows. */
export function snapshot(root: string): string {
  const h = createHash('sha256')
  const visit = (dir: Buffer) => {
    for (const name of readdirSync(dir, {encoding: 'buffer'}).sort(Buffer.compare)) {
      const p = Buffer.concat([dir, Buffer.from('/'), name])
      const s = lstatSync(p, {bigint: true})
      h.update(p).update(`${s.mode}:${s.size}:${s.mtimeNs}:${s.ctimeNs}:${s.ino};`)
      if (s.isDirectory()) visit(p)
      else if (s.isFile() && s.size < 1_000_000n) h.update(readFileSync(p))
    }
  }
  visit(Buffer.from(root))
  return h.digest('hex')
}

/** Parse NDJSON output, failing loudly on a line that is not JSON. */
export function records(stdout: string): Array<Record<string, any>> {
  return stdout.split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l))
}
