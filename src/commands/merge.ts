import {Args, Command, Flags} from '@oclif/core'
import {writeFile} from 'node:fs/promises'
import {fail} from '../lib/fail.js'
import {writeOut} from '../lib/output.js'
import {renderJson} from '../report/json.js'
import {mergeResults} from '../services/merge.js'
import {loadResult} from '../services/report.js'

export default class Merge extends Command {
  static override description = 'Merge saved scan results from several hosts into one (findings de-duplicated by fingerprint)'
  static override examples = ['<%= config.bin %> merge site-a.json site-b.json -o merged.json']
  static override strict = false
  static override args = {results: Args.string({description: 'ScanResult JSON files (scan -f json -o FILE)', required: true})}
  static override flags = {output: Flags.string({char: 'o', description: 'write the merged result to this file instead of stdout'})}

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Merge)
    let text
    try {
      text = renderJson(mergeResults((argv as string[]).map(loadResult)))
    } catch (e) {
      fail(this, (e as Error).message)
    }
    if (flags.output) await writeFile(flags.output, text)
    else await writeOut(text)
  }
}
