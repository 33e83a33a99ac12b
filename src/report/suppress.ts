// Suppressions (`.passerelle-ignore.yaml`): accepted exceptions, never silent. A suppressed finding stays
// in every output with its reason (SARIF suppressions, HTML register, CSV status) and never fails a run.
// An entry needs a reason; an expired or malformed entry suppresses nothing, so exceptions cannot rot.
import {readFileSync} from 'node:fs'
import picomatch from 'picomatch'
import {LineCounter, parseDocument} from 'yaml'
import type {Finding, SuppressionEntry} from '../model.js'

/** The default ignore file, looked up in the current folder. */
export const IGNORE_FILE = '.passerelle-ignore.yaml'

const KEYS = new Set(['rule', 'path', 'host', 'fingerprint', 'reason', 'comment', 'expires', 'approved-by'])

/** Today as YYYY-MM-DD (UTC): an entry with expires: today still applies, tomorrow it does not. */
const today = () => new Date().toISOString().slice(0, 10)

function validDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false
  const d = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text
}

/** Read an ignore file into register entries (with their status); a YAML syntax error throws with the line. */
export function readIgnoreFile(file: string, now = today()): SuppressionEntry[] {
  const lines = new LineCounter()
  const doc = parseDocument(readFileSync(file, 'utf8'), {lineCounter: lines, prettyErrors: false})
  if (doc.errors.length) throw new Error(`${file}:${lines.linePos(doc.errors[0]!.pos[0]).line}: YAML syntax error: ${doc.errors[0]!.message.split('\n')[0]}`)
  const list = (doc.toJS() as {ignores?: unknown} | null)?.ignores
  if (list === undefined || list === null) return []
  if (!Array.isArray(list)) throw new Error(`${file}:1: an ignore file holds a top-level "ignores:" list`)
  return list.map((raw: unknown, i) => {
    const node = doc.getIn(['ignores', i], true) as {range?: [number, number, number]} | undefined
    const source = `${file}:${node?.range ? lines.linePos(node.range[0]).line : 1}`
    const e = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>
    const text = (k: string) => (e[k] === undefined || e[k] === null ? undefined : e[k] instanceof Date ? (e[k] as Date).toISOString().slice(0, 10) : String(e[k]))
    const entry: SuppressionEntry = {source, rule: text('rule'), path: text('path'), host: text('host'), fingerprint: text('fingerprint'),
      reason: text('reason') ?? '', expires: text('expires'), approvedBy: text('approved-by'), status: 'active', matched: 0}
    const unknown = Object.keys(e).filter((k) => !KEYS.has(k))
    const problem = !raw || typeof raw !== 'object' ? 'an entry is a mapping'
      : unknown.length ? `unknown field ${unknown.join(', ')}`
      : !entry.reason.trim() ? 'reason is required'
      : !entry.rule && !entry.path && !entry.host && !entry.fingerprint ? 'give at least one of rule, path, host, fingerprint'
      : entry.expires !== undefined && !validDate(entry.expires) ? `expires "${entry.expires}" is not a date (YYYY-MM-DD)` : undefined
    if (problem) return {...entry, status: 'invalid', problem}
    if (entry.expires && entry.expires < now) return {...entry, status: 'expired', problem: `expired on ${entry.expires}`}
    return entry
  })
}

/** A predicate telling whether an active entry covers a finding (every criterion given must hold). */
function matcherOf(entry: SuppressionEntry): (f: Finding) => boolean {
  const rule = entry.rule ? picomatch(entry.rule, {nocase: true}) : undefined
  const file = entry.path ? picomatch(entry.path, {dot: true}) : undefined
  const host = entry.host ? picomatch(entry.host, {nocase: true}) : undefined
  return (f) => {
    if (entry.fingerprint && entry.fingerprint.replace(/^sha256:/, '') !== f.fingerprint) return false
    if (rule && !rule(f.ruleId)) return false
    if (file && (f.subject.kind !== 'artifact' || !(file(f.subject.relativePath.replace(/\\/g, '/')) || file(f.subject.path)))) return false
    if (host && (f.subject.kind !== 'software' || !host(f.subject.host))) return false
    return true
  }
}

/** Mark the findings that an active entry covers (the first matching entry wins) and count matches per entry. */
export function applySuppressions(findings: Finding[], entries: SuppressionEntry[]): {findings: Finding[]; register: SuppressionEntry[]} {
  const register = entries.map((e) => ({...e, matched: 0}))
  const active = register.filter((e) => e.status === 'active').map((e) => ({entry: e, matches: matcherOf(e)}))
  const out = findings.map((f) => {
    const hit = active.find((a) => a.matches(f))
    if (!hit) return f.suppression ? {...f, suppression: undefined} : f
    hit.entry.matched++
    const e = hit.entry
    return {...f, suppression: {reason: e.reason, source: e.source, ...(e.expires ? {expires: e.expires} : {}), ...(e.approvedBy ? {approvedBy: e.approvedBy} : {})}}
  })
  return {findings: out, register}
}
