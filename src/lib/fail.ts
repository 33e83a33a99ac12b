// Run-level failures (exit code 2): one unwrapped line on stderr, so scripts and people can read the
// file:line it names, then the exit code of DESIGN.md contract 5.
import type {Command} from '@oclif/core'

/** Print "passerelle: MESSAGE" on stderr and exit with code 2. */
export function fail(command: Command, message: string): never {
  process.stderr.write(`passerelle: ${message}\n`)
  return command.exit(2)
}
