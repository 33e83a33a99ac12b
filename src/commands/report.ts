import {Args, Command} from '@oclif/core'
import type {Severity} from '../model.js'
import {wantsColour} from '../report/table.js'
import {failsAt} from '../services/scan.js'
import {loadResult, prepareResult, reportRequest, writeReports} from '../services/report.js'
import {fail} from '../lib/fail.js'
import {reportFlags} from '../lib/report-flags.js'

export default class Report extends Command {
  static override description = 'Re-render a saved scan result (scan -f json) in any format, without rescanning'
  static override examples = [
    '<%= config.bin %> report result.json -f html -o report.html --framework fr-rgi-v2',
    '<%= config.bin %> report result.json -f csv --csv-delimiter ";" -o findings.csv',
  ]
  static override args = {result: Args.string({description: 'a ScanResult JSON file', required: true})}
  static override flags = reportFlags

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Report)
    let result
    try {
      const request = reportRequest(flags, wantsColour(process.stdout))
      result = prepareResult(loadResult(args.result), request)
      await writeReports(result, request)
    } catch (e) {
      fail(this, (e as Error).message)
    }
    const threshold = (flags['fail-on'] as Severity | undefined) ?? result.rules.failOn
    if (threshold && failsAt(result, threshold)) this.exit(1)
  }
}
