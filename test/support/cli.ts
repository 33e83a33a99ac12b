// Run the compiled CLI as a user would, capturing stdout, stderr and the exit code.
import {spawnSync} from 'node:child_process'
import path from 'node:path'
import {PROJECT} from './paths.js'

export type CliOptions = {cwd?: string; env?: Record<string, string>; unprivileged?: boolean}

/** Run `passerelle ARGS`; with unprivileged, as user nobody (root reads every file, so EACCES needs another user). */
export function cli(args: string[], options: CliOptions = {}): {stdout: string; stderr: string; status: number | null} {
  const command = [process.execPath, path.join(PROJECT, 'bin/run.js'), ...args]
  const asNobody = options.unprivileged && process.getuid?.() === 0
  const [exe, ...rest] = asNobody ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', ...command] : command
  const env = {...process.env, NO_COLOR: '1', ...(asNobody ? {HOME: '/tmp'} : {}), ...options.env}
  const r = spawnSync(exe!, rest, {cwd: options.cwd ?? PROJECT, encoding: 'utf8', env})
  return {stdout: r.stdout, stderr: r.stderr, status: r.status}
}
