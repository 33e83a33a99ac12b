// Rule test cases, kept beside each rule file (<family>.test.yaml), Semgrep-style:
// `ruleid:` must match, `ok:` must not, `todoruleid:` is a known gap that does not fail.
import {existsSync} from 'node:fs'
import {z} from 'zod'
import {Artifact, Software} from '../model.js'
import {type LoadedRule, readYaml, RuleFileError} from './load.js'
import {matchRule, type MatchSubject} from './match.js'

/** One test case: a subject and the rule it must (ruleid), must not (ok) or should one day (todoruleid) match. */
export const Case = z.strictObject({
  ruleid: z.string().optional(),
  ok: z.string().optional(),
  todoruleid: z.string().optional(),
  artifact: z.record(z.string(), z.unknown()).optional(),
  software: z.record(z.string(), z.unknown()).optional(),
})
type Case = z.infer<typeof Case>

export type CaseResult = {file: string; index: number; ruleId: string; expect: 'match' | 'no-match' | 'todo'; passed: boolean; message: string}

/** The test file that sits beside a rule file. */
export function testFileFor(ruleFile: string): string {
  return ruleFile.replace(/\.ya?ml$/, '.test.yaml')
}

/** Build a full subject from the few fields a case writes. */
export function caseSubject(c: Case): MatchSubject {
  if (c.software) {
    const s = Software.parse({host: 'test-host', kind: 'application', source: {file: 'case', reader: 'case'}, ...c.software})
    return {kind: 'software', software: s}
  }
  const a = c.artifact ?? {}
  const p = String(a.path ?? 'case/file')
  const artifact = Artifact.parse({
    root: '.', relativePath: p, size: 0, extension: p.includes('.') ? p.split('.').pop()!.toLowerCase() : '',
    format: 'unknown', basis: ['test case'], extensionMismatch: false, warnings: [], ...a, path: p,
    features: ((a.features as unknown[]) ?? []).map((f) => (typeof f === 'string' ? {id: f, evidence: 'test case'} : f)),
  })
  return {kind: 'artifact', artifact}
}

/** Run the cases of every rule file that has a test file; cases naming unknown rules fail. */
export async function runCases(rules: LoadedRule[]): Promise<CaseResult[]> {
  const byId = new Map(rules.map((r) => [r.id, r]))
  const files = [...new Set(rules.map((r) => testFileFor(r.file)))].filter((f) => existsSync(f))
  const results: CaseResult[] = []
  for (const file of files) {
    const {data, lineOf} = await readYaml(file)
    const cases = (data as {cases?: unknown})?.cases
    if (!Array.isArray(cases)) throw new RuleFileError(`${file}:1: a test file holds a top-level "cases:" list`)
    cases.forEach((raw, index) => {
      const parsed = Case.safeParse(raw)
      const where = `${file}:${lineOf(['cases', index]) ?? 1}`
      if (!parsed.success) throw new RuleFileError(`${where}: case ${index + 1}: ${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`)
      const c = parsed.data
      const ruleId = c.ruleid ?? c.ok ?? c.todoruleid
      const expect = c.ruleid ? 'match' : c.ok ? 'no-match' : 'todo'
      const rule = ruleId ? byId.get(ruleId) : undefined
      if (!rule) {
        results.push({file: where, index, ruleId: ruleId ?? '?', expect, passed: false, message: `no loaded rule has id ${ruleId ?? '(none)'}`})
        return
      }
      const matched = matchRule(rule, caseSubject(c)) !== undefined
      const passed = expect === 'todo' ? true : matched === (expect === 'match')
      results.push({file: where, index, ruleId: rule.id, expect, passed, message: passed ? 'ok' : expect === 'match' ? 'expected a match, got none' : 'expected no match, got one'})
    })
  }
  return results
}

/** How many cases each rule has, for `rules list --json`. */
export async function caseCounts(rules: LoadedRule[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  for (const r of await runCases(rules)) counts.set(r.ruleId, (counts.get(r.ruleId) ?? 0) + 1)
  return counts
}
