// `.passerelle.yaml`: how one organisation tunes the library — severity overrides, disabled rules,
// the --fail-on threshold and extra rule packs. Found from the working directory upward (like
// .eslintrc or .semgrepignore), or named with --config. Paths inside it are relative to the file.
import {existsSync} from 'node:fs'
import path from 'node:path'
import {z} from 'zod'
import {deepestIssue} from '../lib/zod-issue.js'
import {Severity} from '../model.js'
import {readYaml, RuleFileError, type LoadedRule} from './load.js'

/** The name looked for in the working directory and its parents. */
export const CONFIG_NAME = '.passerelle.yaml'

/** The config file's shape (strict: a misspelt key is an error, not a silent no-op). */
export const Config = z.strictObject({
  'fail-on': Severity.optional().describe('exit 1 when a finding is at or above this severity (the flag wins)'),
  packs: z.array(z.string()).default([]).describe('extra rule files or folders, relative to this file'),
  disable: z.array(z.string()).default([]).describe('rule ids to leave out; * matches any run of characters'),
  severity: z.record(z.string(), Severity).default({}).describe('rule id (or glob) → severity'),
})
export type Config = z.infer<typeof Config>

/** A loaded config and the file it came from. */
export type LoadedConfig = Config & {file?: string}

/** The config that applies: the named file, else the nearest .passerelle.yaml above cwd, else defaults. */
export async function loadConfig(options: {file?: string; cwd?: string} = {}): Promise<LoadedConfig> {
  const file = options.file ? path.resolve(options.file) : findConfig(options.cwd ?? process.cwd())
  if (!file) return Config.parse({})
  if (!existsSync(file)) throw new RuleFileError(`config file ${file} does not exist`)
  const {data, lineOf} = await readYaml(file)
  const parsed = Config.safeParse(data ?? {})
  if (!parsed.success) {
    const issue = deepestIssue(parsed.error.issues[0]!)
    const line = lineOf(issue.path as (string | number)[]) ?? 1
    throw new RuleFileError(`${file}:${line}: ${issue.path.join('.') || '(config)'}: ${issue.message}`)
  }
  const dir = path.dirname(file)
  return {...parsed.data, packs: parsed.data.packs.map((p) => path.resolve(dir, p)), file}
}

/** The nearest config file at or above a folder. */
export function findConfig(from: string): string | undefined {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, CONFIG_NAME)
    if (existsSync(candidate)) return candidate
    if (path.dirname(dir) === dir) return undefined
  }
}

/** True when a rule id matches an id or glob (`*` = any run of characters). */
export function idMatches(pattern: string, id: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`)
  return re.test(id)
}

/** What applying a config changed: for the result's record and for auditors. */
export type ConfigEffect = {
  disabled: string[]
  overrides: Array<{ruleId: string; from: Severity; to: Severity}>
  /** Patterns that named no loaded rule: most often a typo, so callers warn. */
  unmatched: string[]
}

/** Apply disables and severity overrides; the last matching severity entry wins. */
export function applyConfig(rules: LoadedRule[], config: Config): {rules: LoadedRule[]; effect: ConfigEffect} {
  const effect: ConfigEffect = {disabled: [], overrides: [], unmatched: []}
  const out: LoadedRule[] = []
  for (const rule of rules) {
    if (config.disable.some((p) => idMatches(p, rule.id))) {
      effect.disabled.push(rule.id)
      continue
    }
    const to = Object.entries(config.severity).filter(([p]) => idMatches(p, rule.id)).pop()?.[1]
    if (to && to !== rule.severity) {
      effect.overrides.push({ruleId: rule.id, from: rule.severity, to})
      out.push({...rule, severity: to})
    } else out.push(rule)
  }
  for (const p of [...config.disable, ...Object.keys(config.severity)]) {
    if (!rules.some((r) => idMatches(p, r.id))) effect.unmatched.push(p)
  }
  return {rules: out, effect}
}
