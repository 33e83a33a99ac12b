// Load rule files (YAML) and validate them with the Rule schema. A broken file stops the run with
// a message that names the file, the line, the rule and the field.
import fg from 'fast-glob'
import {readFile, stat} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {LineCounter, parseDocument} from 'yaml'
import {deepestIssue} from '../lib/zod-issue.js'
import {Rule} from '../model.js'
import {checkRule} from './check.js'

/** The rule library shipped with Passerelle. */
export const BUNDLED_RULES = fileURLToPath(new URL('../../rules', import.meta.url))

/** Raised when a rule file cannot be used; the message names file, line, rule and field. */
export class RuleFileError extends Error {
  readonly code = 'bad-rule-file'
}

/** A rule together with the file it came from. */
export type LoadedRule = Rule & {file: string}

/** The rule files under a path: the path itself, or every *.yaml / *.yml that is not a test file. */
export async function ruleFiles(target: string): Promise<string[]> {
  const s = await stat(target).catch(() => {
    throw new RuleFileError(`rule path ${target} does not exist`)
  })
  if (s.isFile()) return [target]
  const found = await fg(['**/*.yaml', '**/*.yml'], {cwd: target, absolute: true, ignore: ['**/*.test.yaml', '**/*.test.yml']})
  return found.filter((f) => !/(^|\/)\.passerelle/.test(f)).sort()
}

/** Read and parse one YAML file; syntax errors carry the file and line. */
export async function readYaml(file: string): Promise<{data: unknown; lineOf(pathInDoc: (string | number)[]): number | undefined}> {
  const text = await readFile(file, 'utf8')
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, {lineCounter, prettyErrors: false})
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!
    const line = lineCounter.linePos(err.pos[0]).line
    throw new RuleFileError(`${file}:${line}: YAML syntax error: ${err.message.split('\n')[0]}`)
  }
  return {
    data: doc.toJS(),
    lineOf(p) {
      for (let n = p.length; n >= 0; n--) {
        const node = doc.getIn(p.slice(0, n), true) as {range?: [number, number, number]} | undefined
        if (node?.range) return lineCounter.linePos(node.range[0]).line
      }
      return undefined
    },
  }
}

/** Load and validate every rule under the given paths; ids must be unique across them. */
export async function loadRules(paths: string[]): Promise<LoadedRule[]> {
  const rules: LoadedRule[] = []
  const seen = new Map<string, string>()
  for (const target of paths) {
    for (const file of await ruleFiles(target)) {
      const {data, lineOf} = await readYaml(file)
      const list = (data as {rules?: unknown})?.rules
      if (!Array.isArray(list)) throw new RuleFileError(`${file}:1: a rule file holds a top-level "rules:" list`)
      list.forEach((raw, index) => {
        const parsed = Rule.safeParse(raw)
        const id = typeof (raw as {id?: unknown})?.id === 'string' ? (raw as {id: string}).id : `#${index + 1}`
        if (!parsed.success) {
          const issue = deepestIssue(parsed.error.issues[0]!)
          const field = issue.path.join('.') || '(rule)'
          const line = lineOf(['rules', index, ...(issue.path as (string | number)[])])
          throw new RuleFileError(`${file}:${line ?? 1}: rule ${id}: field ${field}: ${issue.message}`)
        }
        const problem = checkRule(parsed.data)[0]
        if (problem) {
          const line = lineOf(['rules', index, ...problem.path])
          throw new RuleFileError(`${file}:${line ?? 1}: rule ${id}: field ${problem.path.join('.')}: ${problem.message}`)
        }
        const other = seen.get(parsed.data.id)
        if (other) throw new RuleFileError(`${file}:${lineOf(['rules', index]) ?? 1}: rule ${id}: id already defined in ${other}`)
        seen.set(parsed.data.id, file)
        rules.push({...parsed.data, file: path.resolve(file)})
      })
    }
  }
  return rules
}
