// Flags shared by the commands that load a rule set (rules list/show/test, scan).
import {Flags} from '@oclif/core'

/** --rules packs and --config, as every rule-loading command reads them. */
export const ruleSetFlags = {
  rules: Flags.string({char: 'r', multiple: true, default: [], description: 'extra rule file or folder (repeatable)'}),
  config: Flags.string({char: 'c', description: 'config file (default: the nearest .passerelle.yaml from the working directory up)'}),
}
