// Run the compiled CLI without blocking the test's event loop, so a server in the test process (the
// replayed tracker) can answer it.
import {spawn} from 'node:child_process'
import path from 'node:path'
import {PROJECT} from '../../support/paths.js'

/** Run `passerelle ARGS` asynchronously; resolves with stdout, stderr and the exit code. */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<{stdout: string; stderr: string; status: number | null}> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(PROJECT, 'bin/run.js'), ...args], {cwd: PROJECT, env: {...process.env, NO_COLOR: '1', ...env}})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c) => (stdout += c))
    child.stderr.on('data', (c) => (stderr += c))
    child.on('error', reject)
    child.on('close', (status) => resolve({stdout, stderr, status}))
  })
}
