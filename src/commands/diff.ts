import {Args, Command, Flags} from '@oclif/core'
import {fail} from '../lib/fail.js'
import {writeOut} from '../lib/output.js'
import {diffTable} from '../report/history.js'
import {diffRuns} from '../services/history.js'
import {storeTarget} from '../services/record.js'

export default class Diff extends Command {
  static override description = 'New, fixed and still-open findings between two recorded runs'
  static override examples = ['<%= config.bin %> diff 12 15', '<%= config.bin %> diff 12 15 -f json']
  static override args = {
    runA: Args.integer({description: 'the earlier run id (see passerelle history)', required: true}),
    runB: Args.integer({description: 'the later run id', required: true}),
  }
  static override flags = {
    store: Flags.string({description: 'SQLite file or postgres:// URL (default: PASSERELLE_STORE, then .passerelle/history.sqlite)'}),
    format: Flags.string({char: 'f', options: ['table', 'json'], default: 'table', description: 'output format'}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Diff)
    let d
    try {
      d = await diffRuns(storeTarget(flags.store), args.runA, args.runB)
    } catch (e) {
      fail(this, (e as Error).message)
    }
    await writeOut(flags.format === 'json' ? `${JSON.stringify(d, null, 2)}\n` : diffTable(d))
  }
}
