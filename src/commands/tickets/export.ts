import {Args, Command, Flags} from '@oclif/core'
import {writeFile} from 'node:fs/promises'
import {fail} from '../../lib/fail.js'
import {writeOut} from '../../lib/output.js'
import {exportResult} from '../../services/tickets.js'

export default class TicketsExport extends Command {
  static override description = 'Write the finding groups of a saved scan as a file a tracker imports (Jira CSV)'
  static override examples = ['<%= config.bin %> tickets export result.json --to jira-csv -o issues.csv']
  static override args = {result: Args.string({required: true, description: 'ScanResult JSON (scan -f json -o FILE)'})}
  static override flags = {
    to: Flags.string({required: true, options: ['jira-csv'], description: 'import format'}),
    output: Flags.string({char: 'o', description: 'write to this file instead of stdout'}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(TicketsExport)
    let text
    try {
      text = await exportResult(args.result, flags.to)
    } catch (e) {
      fail(this, (e as Error).message)
    }
    if (flags.output) await writeFile(flags.output, text)
    else await writeOut(text)
  }
}
