// Checks a rule's meaning once the schema has accepted its shape: a field name with a typo, a regex
// that does not compile or a broken version constraint would otherwise make a rule that silently
// never matches. Each problem names the path inside the rule so the loader can point at its line.
import {satisfies} from '../lib/versions.js'
import {Artifact, ArtifactMetadata, type Condition, type Rule, Software} from '../model.js'

/** A problem in a rule, with the path (inside the rule) of the part at fault. */
export type RuleProblem = {path: (string | number)[]; message: string}

/** Fields a condition or template may name, by target; `x.*` accepts any sub-field of x. */
export const KNOWN_FIELDS = {
  artifact: [...Object.keys(Artifact.shape), 'fonts', 'unembeddedFonts', ...Object.keys(ArtifactMetadata.shape).map((k) => `metadata.${k}`), 'metadata.*', 'error.*'],
  software: [...Object.keys(Software.shape), 'source.*'],
} as const

/** True when the target's subjects have this field. */
export function isKnownField(target: Rule['target'], field: string): boolean {
  const known: readonly string[] = KNOWN_FIELDS[target]
  return known.includes(field) || known.some((k) => k.endsWith('.*') && field.startsWith(k.slice(0, -1)))
}

const NEEDS_LIST = new Set(['in', 'not-in'])
const NEEDS_VALUE = new Set(['equals', 'not-equals', 'contains', 'starts-with', 'regex', 'gt', 'gte', 'lt', 'lte', 'version'])

function* conditions(c: Condition, path: (string | number)[]): Generator<[Condition, (string | number)[]]> {
  yield [c, path]
  if ('all' in c) for (const [i, x] of c.all.entries()) yield* conditions(x, [...path, 'all', i])
  else if ('any' in c) for (const [i, x] of c.any.entries()) yield* conditions(x, [...path, 'any', i])
  else if ('not' in c) yield* conditions(c.not, [...path, 'not'])
}

/** Every problem in one rule (an empty list when the rule is sound). */
export function checkRule(rule: Rule): RuleProblem[] {
  const problems: RuleProblem[] = []
  for (const [c, path] of conditions(rule.match, ['match'])) {
    if (!('field' in c)) continue
    if (!isKnownField(rule.target, c.field)) {
      problems.push({path: [...path, 'field'], message: `unknown ${rule.target} field "${c.field}" (known: ${KNOWN_FIELDS[rule.target].join(', ')})`})
    }
    if (NEEDS_LIST.has(c.op) && !Array.isArray(c.value)) problems.push({path: [...path, 'value'], message: `op ${c.op} needs a list value`})
    if (NEEDS_VALUE.has(c.op) && (c.value === undefined || c.value === null || Array.isArray(c.value))) {
      problems.push({path: [...path, 'value'], message: `op ${c.op} needs a single value`})
    }
    if (c.op === 'regex') {
      try {
        new RegExp(String(c.value), 'i')
      } catch (e) {
        problems.push({path: [...path, 'value'], message: `regex does not compile: ${(e as Error).message}`})
      }
    }
    if (c.op === 'version') {
      try {
        satisfies('1.0', String(c.value), c.scheme)
      } catch (e) {
        problems.push({path: [...path, 'value'], message: `bad version constraint: ${(e as Error).message}`})
      }
    }
    if (['gt', 'gte', 'lt', 'lte'].includes(c.op) && Number.isNaN(Number(c.value))) {
      problems.push({path: [...path, 'value'], message: `op ${c.op} needs a number`})
    }
  }
  const templates: Array<[string, (string | number)[]]> = [
    [rule.message, ['message']],
    ...rule.bridge.commands.map((t, i): [string, (string | number)[]] => [t, ['bridge', 'commands', i]]),
  ]
  for (const [text, path] of templates) {
    for (const m of text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)) {
      if (!isKnownField(rule.target, m[1]!)) problems.push({path, message: `unknown placeholder {{${m[1]}}} for a ${rule.target} rule`})
    }
  }
  return problems
}
