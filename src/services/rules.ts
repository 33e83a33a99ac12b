// The rules service: load the bundled library, packs and config, and describe, validate and test rules.
import {applyConfig, Config, type ConfigEffect, loadConfig, type LoadedConfig} from '../rules/config.js'
import {type CaseResult, caseCounts, runCases} from '../rules/cases.js'
import {BUNDLED_RULES, loadRules, type LoadedRule} from '../rules/load.js'

/** Where rules come from: --rules packs, the config (--config or found upward from cwd), the bundled library. */
export type RuleSetOptions = {rulePaths?: string[]; config?: string; cwd?: string; noBundledRules?: boolean; noConfig?: boolean}

/** The rules in force, with the config that tuned them. */
export type RuleSet = {rules: LoadedRule[]; config: LoadedConfig; effect: ConfigEffect}

/** Load the rules in force: bundled + config packs + --rules packs, minus disabled ones, with severity overrides. */
export async function loadRuleSet(options: RuleSetOptions = {}): Promise<RuleSet> {
  const {config, loaded} = await loadUntuned(options)
  const {rules, effect} = applyConfig(loaded, config)
  return {rules, config, effect}
}

async function loadUntuned(options: RuleSetOptions): Promise<{config: LoadedConfig; loaded: LoadedRule[]}> {
  const config: LoadedConfig = options.noConfig ? Config.parse({}) : await loadConfig({file: options.config, cwd: options.cwd})
  const paths = [...(options.noBundledRules ? [] : [BUNDLED_RULES]), ...config.packs, ...(options.rulePaths ?? [])]
  return {config, loaded: await loadRules([...new Set(paths)])}
}

/** Load the bundled rules plus extra packs (no config). */
export function loadAllRules(extra: string[] = []): Promise<LoadedRule[]> {
  return loadRules([BUNDLED_RULES, ...extra])
}

/** The rules as `rules list --json` publishes them: each with bridge, references, compliance and case count. */
export async function describeRules(options: RuleSetOptions = {}) {
  const {rules} = await loadRuleSet(options)
  const counts = await caseCounts(rules)
  return rules.map((r) => ({
    id: r.id, title: r.title, severity: r.severity, target: r.target, tags: r.tags, bridge: r.bridge,
    references: r.references, compliance: r.compliance, cases: counts.get(r.id) ?? 0, file: r.file,
  }))
}

/** One rule in full, with its cases' results; undefined when no loaded rule has the id. */
export async function showRule(id: string, options: RuleSetOptions = {}) {
  const {rules} = await loadRuleSet(options)
  const rule = rules.find((r) => r.id === id)
  if (!rule) return {rule: undefined, cases: [], suggestions: rules.map((r) => r.id).filter((x) => x.includes(id.split('.').pop() ?? id)).slice(0, 5)}
  const cases = (await runCases(rules)).filter((c) => c.ruleId === id)
  return {rule, cases, suggestions: []}
}

/** Validate the rule files under a path on their own (schema, fields, regexes, constraints, unique ids, cases). */
export async function validateRules(target: string) {
  const rules = await loadRules([target])
  const cases = await runCases(rules)
  const uncovered = rules.filter((r) => !cases.some((c) => c.ruleId === r.id && c.expect === 'match') || !cases.some((c) => c.ruleId === r.id && c.expect === 'no-match'))
  return {rules: rules.length, cases: cases.length, failed: cases.filter((c) => !c.passed), uncovered: uncovered.map((r) => r.id)}
}

/** Run the Semgrep-style cases beside the rule files: of the given paths, else of the bundled library and config packs. */
export async function testRules(targets: string[], options: RuleSetOptions = {}): Promise<{results: CaseResult[]; passed: number; failed: number; todo: number}> {
  // disabling a rule in the config does not excuse its cases: test what the files hold
  const rules = targets.length > 0 ? await loadRules(targets) : (await loadUntuned(options)).loaded
  const results = await runCases(rules)
  return {
    results,
    passed: results.filter((r) => r.passed && r.expect !== 'todo').length,
    failed: results.filter((r) => !r.passed).length,
    todo: results.filter((r) => r.expect === 'todo').length,
  }
}
