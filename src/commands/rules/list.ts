import {Command, Flags} from '@oclif/core'
import {fail} from '../../lib/fail.js'
import {describeRules} from '../../services/rules.js'

export default class RulesList extends Command {
  static override description = 'List the loaded rules (bundled library plus --rules packs)'
  static override enableJsonFlag = true
  static override flags = {
    rules: Flags.string({char: 'r', multiple: true, default: [], description: 'extra rule file or folder (repeatable)'}),
  }

  async run() {
    const {flags} = await this.parse(RulesList)
    let rules
    try {
      rules = await describeRules(flags.rules)
    } catch (e) {
      fail(this, (e as Error).message)
    }
    if (!this.jsonEnabled()) {
      for (const r of rules) this.log(`${r.severity.padEnd(8)} ${r.id.padEnd(40)} ${r.title}`)
      this.log(`\n${rules.length} rules`)
    }
    return rules
  }
}
