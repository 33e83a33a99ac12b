import {Args, Command} from '@oclif/core'
import {fail} from '../../lib/fail.js'
import {validateRules} from '../../services/rules.js'

export default class RulesValidate extends Command {
  static override description = 'Check a rule file or folder on its own: schema, field names, regexes, version constraints, unique ids, and its cases'
  static override examples = ['<%= config.bin %> rules validate ./my-rules']
  static override enableJsonFlag = true
  static override args = {path: Args.string({required: true, description: 'rule file or folder'})}

  async run() {
    const {args} = await this.parse(RulesValidate)
    let report
    try {
      report = await validateRules(args.path)
    } catch (e) {
      fail(this, (e as Error).message)
    }
    const problems = [
      ...report.failed.map((c) => `${c.file}: ${c.expect} ${c.ruleId}: ${c.message}`),
      ...report.uncovered.map((id) => `${id}: needs at least one ruleid and one ok case`),
    ]
    if (!this.jsonEnabled()) {
      for (const p of problems) this.log(p)
      this.log(`${report.rules} rules, ${report.cases} cases: ${problems.length === 0 ? 'valid' : `${problems.length} problems`}`)
    }
    if (problems.length > 0) process.exitCode = 1
    return report
  }
}
