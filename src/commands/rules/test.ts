import {Args, Command, Flags} from '@oclif/core'
import {fail} from '../../lib/fail.js'
import {ruleSetFlags} from '../../lib/rule-set-flags.js'
import {testRules} from '../../services/rules.js'

export default class RulesTest extends Command {
  static override description = 'Run the ruleid/ok/todoruleid cases kept beside rule files (default: the bundled library and packs)'
  static override examples = ['<%= config.bin %> rules test', '<%= config.bin %> rules test ./my-rules --verbose']
  static override enableJsonFlag = true
  static override strict = false
  static override args = {path: Args.string({description: 'rule files or folders (repeatable); default: bundled + packs'})}
  static override flags = {...ruleSetFlags, verbose: Flags.boolean({char: 'v', default: false, description: 'list passing cases too'})}

  async run() {
    const {argv, flags} = await this.parse(RulesTest)
    let outcome
    try {
      outcome = await testRules(argv as string[], {rulePaths: flags.rules, config: flags.config})
    } catch (e) {
      fail(this, (e as Error).message)
    }
    if (!this.jsonEnabled()) {
      for (const r of outcome.results) {
        if (!r.passed || flags.verbose) this.log(`${r.passed ? 'pass' : 'FAIL'} ${r.file} ${r.expect} ${r.ruleId}${r.passed ? '' : `: ${r.message}`}`)
      }
      this.log(`${outcome.passed} passed, ${outcome.failed} failed, ${outcome.todo} todo`)
    }
    if (outcome.failed > 0) process.exitCode = 1
    return outcome
  }
}
