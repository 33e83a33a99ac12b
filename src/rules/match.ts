// Match rules against subjects. A condition reads one field of the subject; features and fonts
// are matched by id/name, so "features contains vba-macros" reads as it says.
import {satisfies} from '../lib/versions.js'
import type {Artifact, Condition, Evidence, FieldCondition, Software} from '../model.js'
import type {LoadedRule} from './load.js'

/** What a rule is matched against. */
export type MatchSubject = {kind: 'artifact'; artifact: Artifact} | {kind: 'software'; software: Software}

/** The flat view of a subject that rule fields name. */
export function fieldsOf(subject: MatchSubject): Record<string, unknown> {
  if (subject.kind === 'software') return {...subject.software}
  const a = subject.artifact
  return {
    ...a,
    features: a.features.map((f) => f.id),
    fonts: a.metadata?.fonts?.map((f) => f.name) ?? [],
    // a font the file carries travels with it; only the others depend on what the reader has installed
    unembeddedFonts: a.metadata?.fonts?.filter((f) => f.embedded !== true).map((f) => f.name) ?? [],
    metadata: a.metadata ?? {},
  }
}

/** Read a dotted field path ("metadata.application") from the flat view. */
export function readField(view: Record<string, unknown>, field: string): unknown {
  let value: unknown = view
  for (const key of field.split('.')) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<string, unknown>)[key]
  }
  return value
}

const regexCache = new Map<string, RegExp>()
function regex(source: string): RegExp {
  let r = regexCache.get(source)
  if (!r) regexCache.set(source, (r = new RegExp(source, 'i')))
  return r
}

function test(c: FieldCondition, actual: unknown, view: Record<string, unknown>): boolean {
  const list = Array.isArray(actual) ? actual : actual === undefined ? [] : [actual]
  const s = (v: unknown) => String(v).toLowerCase()
  switch (c.op) {
    case 'exists': return (c.value === false) === (list.length === 0 || actual === '')
    case 'equals': return list.some((v) => s(v) === s(c.value))
    case 'not-equals': return !list.some((v) => s(v) === s(c.value))
    case 'in': return list.some((v) => (c.value as unknown[]).map(s).includes(s(v)))
    case 'not-in': return !list.some((v) => (c.value as unknown[]).map(s).includes(s(v)))
    case 'contains': return list.some((v) => s(v) === s(c.value)) || (typeof actual === 'string' && s(actual).includes(s(c.value)))
    case 'starts-with': return list.some((v) => s(v).startsWith(s(c.value)))
    case 'regex': return list.some((v) => regex(String(c.value)).test(String(v)))
    case 'gt': return list.some((v) => Number(v) > Number(c.value))
    case 'gte': return list.some((v) => Number(v) >= Number(c.value))
    case 'lt': return list.some((v) => Number(v) < Number(c.value))
    case 'lte': return list.some((v) => Number(v) <= Number(c.value))
    case 'version': {
      // the condition's scheme wins; else the subject's own (a dpkg row compares the Debian way)
      const scheme = c.scheme ?? (typeof view.versionScheme === 'string' ? view.versionScheme : undefined)
      return list.some((v) => typeof v === 'string' && v !== '' && satisfies(v, String(c.value), scheme))
    }
  }
}

/** Evaluate a condition; returns the evidence when it holds, undefined when it does not. */
export function evaluate(condition: Condition, view: Record<string, unknown>): Evidence[] | undefined {
  if ('all' in condition) {
    const out: Evidence[] = []
    for (const c of condition.all) {
      const e = evaluate(c, view)
      if (!e) return undefined
      out.push(...e)
    }
    return out
  }
  if ('any' in condition) {
    for (const c of condition.any) {
      const e = evaluate(c, view)
      if (e) return e
    }
    return undefined
  }
  if ('not' in condition) return evaluate(condition.not, view) ? undefined : []
  const actual = readField(view, condition.field)
  return test(condition, actual, view) ? [{field: condition.field, op: condition.op, expected: condition.value, actual}] : undefined
}

/** Match one rule against one subject (its paths globs, if any, read the artifact's path relative to its root). */
export function matchRule(rule: LoadedRule, subject: MatchSubject): Evidence[] | undefined {
  if (rule.target !== subject.kind) return undefined
  if (rule.paths && subject.kind === 'artifact' && !inPaths(rule.paths, subject.artifact.relativePath)) return undefined
  return evaluate(rule.match, fieldsOf(subject))
}

const globCache = new Map<string, RegExp>()
/** A glob as a regex: ** crosses folders, * and ? stay inside one; case-insensitive (shares often are). */
export function globToRegex(glob: string): RegExp {
  let r = globCache.get(glob)
  if (r) return r
  let out = ''
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!
    if (ch === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/'
      out += slash ? '(?:.*/)?' : '.*'
      i += slash ? 2 : 1
    } else if (ch === '*') out += '[^/]*'
    else if (ch === '?') out += '[^/]'
    else out += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&')
  }
  globCache.set(glob, (r = new RegExp(`^${out}$`, 'i')))
  return r
}

function inPaths(paths: NonNullable<LoadedRule['paths']>, relativePath: string): boolean {
  if (paths.include && !paths.include.some((g) => globToRegex(g).test(relativePath))) return false
  return !paths.exclude?.some((g) => globToRegex(g).test(relativePath))
}

/** Fill {{field}} placeholders from the subject; in commands (shell: true) values are quoted for a POSIX shell. */
export function render(template: string, subject: MatchSubject, options: {shell?: boolean} = {}): string {
  const view = fieldsOf(subject)
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, field: string) => {
    const v = readField(view, field)
    const text = v === undefined ? '' : Array.isArray(v) ? v.join(', ') : String(v)
    return options.shell ? shellQuote(text) : text
  })
}

/** Quote a value so that a shell reads it as one word, whatever a file name holds. */
export function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`
}
