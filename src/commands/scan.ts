import {Args, Command, Flags} from '@oclif/core'
import {writeFile} from 'node:fs/promises'
import {SEVERITIES, type Severity} from '../model.js'
import {renderJson} from '../report/json.js'
import {renderTable} from '../report/table.js'
import {failsAt, scan} from '../services/scan.js'
import {fail} from '../lib/fail.js'
import {writeOut} from '../lib/output.js'
import {ruleSetFlags} from '../lib/rule-set-flags.js'

export default class Scan extends Command {
  static override description = 'Scan file shares and inventory exports, apply the rules, and report findings with their bridges'
  static override examples = [
    '<%= config.bin %> scan /srv/share --inventory installed.csv',
    '<%= config.bin %> scan /srv/share -f json -o result.json --fail-on high',
  ]
  static override strict = false
  static override args = {roots: Args.string({description: 'folders or files to scan'})}
  static override flags = {
    inventory: Flags.string({char: 'i', multiple: true, default: [], description: 'inventory export to read (repeatable)'}),
    ...ruleSetFlags,
    format: Flags.string({char: 'f', options: ['table', 'json'], default: 'table', description: 'output format'}),
    output: Flags.string({char: 'o', description: 'write the report to this file instead of stdout'}),
    'fail-on': Flags.string({options: [...SEVERITIES], description: 'exit 1 when a finding is at or above this severity'}),
    'follow-symlinks': Flags.boolean({default: false, description: 'follow symbolic links (never out of the roots)'}),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Scan)
    const roots = argv as string[]
    if (roots.length === 0 && flags.inventory.length === 0) fail(this, 'nothing to scan: give a root folder or --inventory FILE')
    let result
    try {
      result = await scan({
        roots, inventories: flags.inventory, rulePaths: flags.rules, config: flags.config, followSymlinks: flags['follow-symlinks'],
        onWarning: (w) => this.warn(`${w.file}${w.line ? `:${w.line}` : ''}: ${w.message}`),
      })
    } catch (e) {
      fail(this, (e as Error).message)
    }
    const text = flags.format === 'json' ? renderJson(result) : renderTable(result)
    if (flags.output) await writeFile(flags.output, text)
    else await writeOut(text)
    const threshold = (flags['fail-on'] as Severity | undefined) ?? result.rules.failOn
    if (threshold && failsAt(result, threshold)) this.exit(1)
  }
}
