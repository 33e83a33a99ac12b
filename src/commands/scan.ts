import {Args, Command, Flags} from '@oclif/core'
import type {Severity} from '../model.js'
import {wantsColour} from '../report/table.js'
import {recordedScan, storeTarget} from '../services/record.js'
import type {Warning} from '../services/scan.js'
import {failsAt, scan} from '../services/scan.js'
import {prepareResult, reportRequest, writeReports} from '../services/report.js'
import {fail} from '../lib/fail.js'
import {reportFlags} from '../lib/report-flags.js'
import {ruleSetFlags} from '../lib/rule-set-flags.js'
import {storeFlags} from '../lib/store-flags.js'

export default class Scan extends Command {
  static override description = 'Scan file shares and inventory exports, apply the rules, and report findings with their bridges'
  static override examples = [
    '<%= config.bin %> scan /srv/share --inventory installed.csv',
    '<%= config.bin %> scan /srv/share -f json -o result.json --sarif-output result.sarif --html-output report.html --fail-on high',
  ]
  static override strict = false
  static override args = {roots: Args.string({description: 'folders or files to scan'})}
  static override flags = {
    inventory: Flags.string({char: 'i', multiple: true, default: [], description: 'inventory export to read (repeatable)'}),
    ...ruleSetFlags,
    'follow-symlinks': Flags.boolean({default: false, description: 'follow symbolic links (never out of the roots)'}),
    ...reportFlags,
    ...storeFlags,
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Scan)
    const roots = argv as string[]
    if (roots.length === 0 && flags.inventory.length === 0) fail(this, 'nothing to scan: give a root folder or --inventory FILE')
    let result
    try {
      const request = reportRequest(flags, wantsColour(process.stdout))
      const options = {
        roots, inventories: flags.inventory, rulePaths: flags.rules, config: flags.config, followSymlinks: flags['follow-symlinks'],
        onWarning: (w: Warning) => this.warn(`${w.file}${w.line ? `:${w.line}` : ''}: ${w.message}`),
      }
      const prepare = (r: Awaited<ReturnType<typeof scan>>) => prepareResult(r, request)
      result = flags.record || flags.store ? (await recordedScan(options, storeTarget(flags.store), flags.label, prepare)).result : prepare(await scan(options))
      await writeReports(result, request)
    } catch (e) {
      fail(this, (e as Error).message)
    }
    const threshold = (flags['fail-on'] as Severity | undefined) ?? result.rules.failOn
    if (threshold && failsAt(result, threshold)) this.exit(1)
  }
}
