import {availableParallelism} from 'node:os'
import {Args, Command, Flags} from '@oclif/core'
import type {Artifact} from '../model.js'
import {artifactRecord, byPath, tableRow, tableSummary} from '../report/artifacts.js'
import {identifyPrinted, identifyRoots} from '../services/identify.js'
import {fail} from '../lib/fail.js'
import {lineWriter, writeOut} from '../lib/output.js'
import {progressLine} from '../lib/progress.js'

export default class Identify extends Command {
  static override description = 'Identify every file under the roots by its content (format, why, features)'
  static override examples = ['<%= config.bin %> identify /srv/share --format ndjson > share.ndjson']
  static override strict = false
  static override args = {roots: Args.string({description: 'folders or files to walk', required: true})}
  static override flags = {
    format: Flags.string({char: 'f', options: ['table', 'ndjson', 'json'], default: 'table', description: 'output format'}),
    'follow-symlinks': Flags.boolean({default: false, description: 'follow symbolic links (never out of the roots)'}),
    'no-probes': Flags.boolean({default: false, description: 'identify only; skip the feature probes'}),
    'no-default-password': Flags.boolean({default: false, description: "never try Excel's default password (VelvetSweatshop) on encrypted files"}),
    'no-dedupe': Flags.boolean({default: false, description: 'analyse every copy of identical content again (measures the cost per distinct file)'}),
    concurrency: Flags.integer({default: 16, min: 1, description: 'files identified at once (with --workers 0)'}),
    workers: Flags.integer({default: availableParallelism(), min: 0, description: 'worker threads (0: identify on the main thread with async reads)'}),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Identify)
    const roots = argv as string[]
    const all: Artifact[] = []
    const byFormat = new Map<string, number>()
    let errors = 0
    const codes = new Map<string, number>()
    const progress = progressLine()
    const out = lineWriter()
    try {
      const options = {followSymlinks: flags['follow-symlinks'], probes: !flags['no-probes'], defaultPassword: !flags['no-default-password'], dedupe: !flags['no-dedupe'], concurrency: flags.concurrency, workers: flags.workers}
      const count = (format: string, code: string | undefined) => {
        byFormat.set(format, (byFormat.get(format) ?? 0) + 1)
        if (code) {
          errors++
          codes.set(code, (codes.get(code) ?? 0) + 1)
        }
        progress.tick(Boolean(code))
      }
      if (flags.format === 'ndjson') {
        for await (const printed of identifyPrinted(roots, options)) {
          for (const r of printed.records) count(r.format, r.error)
          await out.write(printed.text)
        }
      } else {
        for await (const a of identifyRoots(roots, options)) {
          count(a.format, a.error?.code)
          if (flags.format === 'table') await writeOut(tableRow(a))
          else all.push(a)
        }
      }
    } catch (e) {
      await out.flush()
      fail(this, (e as Error).message)
    }
    await out.flush()
    progress.done()
    if (flags.format === 'json') await writeOut(`${JSON.stringify(byPath(all).map(artifactRecord), null, 2)}\n`)
    if (flags.format === 'table') await writeOut(tableSummary(byFormat, errors, codes))
    else process.stderr.write(`passerelle: ${tableSummary(byFormat, errors, codes).slice(1)}`) // stdout stays pure data
  }
}
