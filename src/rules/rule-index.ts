// Index rules by what they can match, so matching costs grow with subjects rather than subjects × rules.
// Each rule is filed under keys that every subject it matches must carry: an exact value of a field
// (format, product, a feature, a font), or one trigram of a literal its text must contain (a regex on
// the name). A subject gathers its own keys, evaluates only the rules filed under them plus the few
// rules that cannot be indexed, and gets exactly the findings a full scan would give.
import type {Condition, Evidence} from '../model.js'
import type {LoadedRule} from './load.js'
import {requiredLiterals} from './literals.js'
import {fieldsOf, matchRule, readField, type MatchSubject} from './match.js'

type Key = string
/** Fields whose value is a list of ids: equals/contains/in name one element exactly. */
const LIST_FIELDS = new Set(['features', 'fonts'])
const lower = (v: unknown) => String(v).toLowerCase()

/** Keys one of which every subject satisfying the condition carries; undefined when there is no such set. */
export function keysOf(condition: Condition): {exact: Key[]; text: Array<{field: string; literal: string}>} | undefined {
  if ('all' in condition) {
    const options = condition.all.map(keysOf).filter((k) => k !== undefined)
    // any one conjunct is a necessary condition: prefer exact keys (cheapest, most selective)
    return options.find((k) => k.text.length === 0) ?? options[0]
  }
  if ('any' in condition) {
    const parts = condition.any.map(keysOf)
    if (parts.some((p) => p === undefined)) return undefined
    return {exact: parts.flatMap((p) => p!.exact), text: parts.flatMap((p) => p!.text)}
  }
  if ('not' in condition) return undefined
  const {field, op, value} = condition
  const values = op === 'in' ? (Array.isArray(value) ? value : []) : [value]
  if (op === 'equals' || op === 'in' || (op === 'contains' && LIST_FIELDS.has(field))) {
    if (values.length === 0) return undefined
    return {exact: values.map((v) => `${field}=${lower(v)}`), text: []}
  }
  const literal = (s: string) => (s.length >= 3 ? [{field, literal: s.toLowerCase()}] : undefined)
  if (op === 'contains' || op === 'starts-with') {
    const text = literal(String(value))
    return text && {exact: [], text}
  }
  if (op === 'regex') {
    const literals = requiredLiterals(String(value))
    return literals && {exact: [], text: literals.map((l) => ({field, literal: l}))}
  }
  return undefined
}

/** A rule index: build once per rule set, then ask it for the findings of each subject. */
export class RuleIndex {
  private readonly buckets = new Map<Key, number[]>()
  private readonly always: number[] = []
  private readonly exactFields = new Set<string>()
  private readonly textFields = new Set<string>()

  constructor(readonly rules: LoadedRule[]) {
    rules.forEach((rule, i) => {
      const keys = keysOf(rule.match)
      if (!keys) return void this.always.push(i)
      for (const k of keys.exact) {
        this.exactFields.add(k.slice(0, k.indexOf('=')))
        this.file(`${rule.target}:${k}`, i)
      }
      for (const {field, literal} of keys.text) {
        this.textFields.add(field)
        this.file(`${rule.target}:${field}~${this.leastUsedTrigram(rule.target, field, literal)}`, i)
      }
    })
  }

  /** How many rules could not be indexed (each is evaluated on every subject of its target). */
  get unindexed(): number {
    return this.always.length
  }

  /** The rules worth evaluating on a subject, in rule-set order. */
  candidates(subject: MatchSubject): LoadedRule[] {
    const view = fieldsOf(subject)
    const picked = new Set<number>(this.always)
    const add = (key: Key) => {
      for (const i of this.buckets.get(`${subject.kind}:${key}`) ?? []) picked.add(i)
    }
    for (const field of this.exactFields) for (const v of asList(readField(view, field))) add(`${field}=${lower(v)}`)
    for (const field of this.textFields) {
      for (const v of asList(readField(view, field))) {
        const s = lower(v)
        for (let j = 0; j + 3 <= s.length; j++) add(`${field}~${s.slice(j, j + 3)}`)
      }
    }
    return [...picked].sort((a, b) => a - b).map((i) => this.rules[i]!).filter((r) => r.target === subject.kind)
  }

  /** Every rule that matches the subject, with its evidence (the same answer as trying every rule). */
  match(subject: MatchSubject): Array<{rule: LoadedRule; evidence: Evidence[]}> {
    const out: Array<{rule: LoadedRule; evidence: Evidence[]}> = []
    for (const rule of this.candidates(subject)) {
      const evidence = matchRule(rule, subject)
      if (evidence) out.push({rule, evidence})
    }
    return out
  }

  private file(key: Key, i: number) {
    const list = this.buckets.get(key)
    if (!list) this.buckets.set(key, [i])
    else if (list[list.length - 1] !== i) list.push(i)
  }

  // any trigram of a required literal is a valid key; the emptiest bucket keeps candidate lists short
  private leastUsedTrigram(target: string, field: string, literal: string): string {
    let best = literal.slice(0, 3)
    let size = Infinity
    for (let j = 0; j + 3 <= literal.length; j++) {
      const t = literal.slice(j, j + 3)
      const n = this.buckets.get(`${target}:${field}~${t}`)?.length ?? 0
      if (n < size) [best, size] = [t, n]
    }
    return best
  }
}

function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]
}
