import {Command} from '@oclif/core'
import {fail} from '../../lib/fail.js'
import {describeRules} from '../../services/rules.js'
import {ruleSetFlags} from '../../lib/rule-set-flags.js'

export default class RulesList extends Command {
  static override description = 'List the loaded rules (bundled library, config packs and --rules packs)'
  static override enableJsonFlag = true
  static override flags = {...ruleSetFlags}

  async run() {
    const {flags} = await this.parse(RulesList)
    let rules
    try {
      rules = await describeRules({rulePaths: flags.rules, config: flags.config})
    } catch (e) {
      fail(this, (e as Error).message)
    }
    if (!this.jsonEnabled()) {
      for (const r of rules) this.log(`${r.severity.padEnd(8)} ${r.id.padEnd(48)} ${r.title}`)
      this.log(`\n${rules.length} rules`)
    }
    return rules
  }
}
