// Findings grouped for people and trackers: rule × top-level folder for files, rule × host for
// software ("12,034 .doc files under finance/"). Machine outputs keep every finding; groups are views.
import {createHash} from 'node:crypto'
import type {Finding, Severity} from '../model.js'

/** One group of findings of the same rule in the same folder or on the same host. */
export type FindingGroup = {
  /** Stable id of the group: sha256 of rule id + subject kind + folder or host. */
  fingerprint: string
  ruleId: string
  title: string
  severity: Severity
  kind: 'artifact' | 'software'
  /** Top-level folder (relative to its root, "." for files at the root) or host name. */
  scope: string
  count: number
  examples: string[]
  findings: Finding[]
}

/** Where a finding belongs: the first folder of its relative path, or its host. */
export function scopeOf(f: Finding): string {
  if (f.subject.kind === 'software') return f.subject.host
  const parts = f.subject.relativePath.replace(/\\/g, '/').split('/')
  return parts.length > 1 ? parts[0]! : '.'
}

/** Group findings by rule × scope, largest groups first; each keeps a few example subjects. */
export function groupFindings(findings: Finding[], examples = 5): FindingGroup[] {
  const groups = new Map<string, FindingGroup>()
  for (const f of findings) {
    const scope = scopeOf(f)
    const key = `${f.ruleId}\u0000${f.subject.kind}\u0000${scope.toLowerCase()}`
    let g = groups.get(key)
    if (!g) {
      const fingerprint = createHash('sha256').update(key).digest('hex')
      g = {fingerprint, ruleId: f.ruleId, title: f.title, severity: f.severity, kind: f.subject.kind, scope, count: 0, examples: [], findings: []}
      groups.set(key, g)
    }
    g.count++
    g.findings.push(f)
    if (g.examples.length < examples) g.examples.push(f.subject.kind === 'artifact' ? f.subject.relativePath : `${f.subject.name} ${f.subject.version ?? ''}`.trim())
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.ruleId.localeCompare(b.ruleId) || a.scope.localeCompare(b.scope))
}
