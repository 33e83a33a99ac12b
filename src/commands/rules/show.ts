import {Args, Command} from '@oclif/core'
import {stringify} from 'yaml'
import {fail} from '../../lib/fail.js'
import {ruleSetFlags} from '../../lib/rule-set-flags.js'
import {showRule} from '../../services/rules.js'

export default class RulesShow extends Command {
  static override description = 'Show one rule in full: match, message, bridge, compliance, references and its test cases'
  static override examples = ['<%= config.bin %> rules show publishing.publisher-file']
  static override enableJsonFlag = true
  static override args = {id: Args.string({required: true, description: 'rule id'})}
  static override flags = {...ruleSetFlags}

  async run() {
    const {args, flags} = await this.parse(RulesShow)
    let shown
    try {
      shown = await showRule(args.id, {rulePaths: flags.rules, config: flags.config})
    } catch (e) {
      fail(this, (e as Error).message)
    }
    if (!shown.rule) {
      const hint = shown.suggestions.length > 0 ? ` (did you mean ${shown.suggestions.join(', ')}?)` : ''
      fail(this, `no loaded rule has id ${args.id}${hint}`)
    }
    const {file, ...rule} = shown.rule
    if (!this.jsonEnabled()) {
      this.log(`# ${file}`)
      this.log(stringify(rule, {lineWidth: 110}).trimEnd())
      this.log(`\n# cases: ${shown.cases.map((c) => `${c.expect} ${c.passed ? 'pass' : 'FAIL'}`).join(', ') || 'none'}`)
    }
    return {...rule, file, cases: shown.cases}
  }
}
