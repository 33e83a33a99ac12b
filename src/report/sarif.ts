// SARIF 2.1.0 for code-scanning tools (GitHub, DefectDojo, VS Code viewers). Files and inventory rows
// are not source code, so every result gets a physical location with a region (the export line for a
// software row), a logical location for host + package, and fingerprints we compute ourselves: GitHub
// reads only `primaryLocationLineHash`, and without it the same friction reopens as a new alert.
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Finding, RuleSummary, ScanResult, Severity} from '../model.js'
import {checkResults, SEVERITY_RANK} from './checks.js'

/** The schema URI of OASIS SARIF 2.1.0 Errata 01, the version the test suite validates against. */
export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json'

/** GitHub code scanning limits (docs: "SARIF support for code scanning"). */
export const GITHUB_LIMITS = {results: 25_000, rules: 25_000, tags: 20, text: 1024, name: 255}

type Json = Record<string, unknown>

const LEVEL: Record<Severity, string> = {critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note'}
const clip = (text: string, max = GITHUB_LIMITS.text) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)
const pascal = (id: string) => clip(id.split(/[.\-_]/).map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join(''), GITHUB_LIMITS.name)
const uriOf = (rel: string) => rel.replace(/\\/g, '/').split('/').map(encodeURIComponent).join('/')
const dirUri = (dir: string) => pathToFileURL(dir).href.replace(/\/?$/, '/')
const firstUrl = (refs: string[]) => refs.map((r) => r.split(/\s/)[0]!).find((r) => /^https?:\/\/[^\s]+$/.test(r))

/** Base folders of the run as SARIF uriBaseIds: ROOTn for shares, INVENTORYn for export folders. */
class Bases {
  readonly ids = new Map<string, string>()
  constructor(private readonly prefix: string) {}
  idOf(folder: string): string {
    const dir = path.resolve(folder)
    let id = this.ids.get(dir)
    if (!id) this.ids.set(dir, (id = `${this.prefix}${this.ids.size}`))
    return id
  }
  entries(): [string, Json][] {
    return [...this.ids].map(([dir, id]) => [id, {uri: dirUri(dir)}])
  }
}

function ruleDescriptor(rule: RuleSummary, example: Finding | undefined): Json {
  const commands = example?.bridge.commands ?? []
  const refs = rule.references.map((r) => `- ${r}`).join('\n')
  const help = `${rule.bridge}${refs ? `\n\nReferences:\n${rule.references.join('\n')}` : ''}`
  const markdown = `**Bridge:** ${rule.bridge}${commands.length ? `\n\n\`\`\`sh\n${commands.slice(0, 3).join('\n')}\n\`\`\`` : ''}${refs ? `\n\n**References**\n${refs}` : ''}`
  const helpUri = firstUrl(rule.references)
  return {
    id: rule.id, name: pascal(rule.id),
    shortDescription: {text: clip(rule.title)},
    fullDescription: {text: clip(rule.description?.trim() || rule.title)},
    help: {text: clip(help, 8000), markdown: clip(markdown, 8000)},
    ...(helpUri ? {helpUri} : {}),
    defaultConfiguration: {level: LEVEL[rule.severity]},
    properties: {tags: [...new Set([...rule.tags, rule.target])].slice(0, GITHUB_LIMITS.tags), precision: 'high', 'problem.severity': rule.severity === 'info' || rule.severity === 'low' ? 'recommendation' : LEVEL[rule.severity], severity: rule.severity, compliance: rule.compliance},
    ...(rule.compliance.length ? {relationships: rule.compliance.map((c) => ({target: {id: c.requirement, toolComponent: {name: c.framework}}, kinds: ['relevant']}))} : {}),
  }
}

function locationOf(f: Finding, roots: Bases, exports: Bases): Json {
  const s = f.subject
  if (s.kind === 'artifact') {
    const rel = s.relativePath.replace(/\\/g, '/')
    const base = s.path.endsWith(s.relativePath) ? s.path.slice(0, s.path.length - s.relativePath.length) || '.' : path.dirname(s.path)
    return {physicalLocation: {artifactLocation: {uri: uriOf(rel), uriBaseId: roots.idOf(base)}, region: {startLine: 1, startColumn: 1, endLine: 1, endColumn: 1}}}
  }
  const line = s.source.line ?? 1
  const pkg = `${s.vendor ? `${s.vendor}/` : ''}${s.name}${s.version ? `@${s.version}` : ''}`
  return {
    physicalLocation: {artifactLocation: {uri: uriOf(path.basename(s.source.file)), uriBaseId: exports.idOf(path.dirname(s.source.file))}, region: {startLine: line, startColumn: 1, endLine: line, endColumn: 1}},
    logicalLocations: [{name: s.name, fullyQualifiedName: `host:${s.host}/${pkg}`, kind: 'module'}],
  }
}

function resultOf(f: Finding, ruleIndex: number, roots: Bases, exports: Bases, withSuppressions: boolean): Json {
  return {
    ruleId: f.ruleId, ruleIndex, kind: 'fail', level: LEVEL[f.severity],
    message: {text: f.message},
    locations: [locationOf(f, roots, exports)],
    partialFingerprints: {'passerelle/v1': f.fingerprint, primaryLocationLineHash: `${f.fingerprint}:1`},
    ...(f.baselineState ? {baselineState: f.baselineState} : {}),
    ...(withSuppressions ? {suppressions: f.suppression ? [{kind: 'external', status: 'accepted', justification: [f.suppression.reason, f.suppression.approvedBy && `approved by ${f.suppression.approvedBy}`, f.suppression.expires && `expires ${f.suppression.expires}`].filter(Boolean).join('; '), location: {physicalLocation: {artifactLocation: {uri: uriOf(f.suppression.source.replace(/:\d+$/, ''))}}}}] : []} : {}),
    properties: {severity: f.severity, subject: f.subject, evidence: f.evidence, bridge: f.bridge, compliance: f.compliance},
  }
}

/** Render a result as a SARIF 2.1.0 log (one run), kept within GitHub's limits. */
export function renderSarif(result: ScanResult): string {
  return [...sarifChunks(result)].join('')
}

/** The SARIF log in chunks (results streamed). */
export function* sarifChunks(result: ScanResult): Generator<string> {
  const checks = checkResults(result)
  const rules = checks.map((c) => c.rule).slice(0, GITHUB_LIMITS.rules)
  const index = new Map(rules.map((r, i) => [r.id, i]))
  const roots = new Bases('ROOT')
  const exports = new Bases('INVENTORY')
  const withSuppressions = result.suppressions !== undefined || result.findings.some((f) => f.suppression)
  const ranked = [...result.findings].filter((f) => index.has(f.ruleId)).sort((a, b) => SEVERITY_RANK[a.severity]! - SEVERITY_RANK[b.severity]!)
  const results: Json[] = ranked.slice(0, GITHUB_LIMITS.results).map((f) => resultOf(f, index.get(f.ruleId)!, roots, exports, withSuppressions))
  // Pass results: auditors need evidence of what was checked and found clean, not only of failures.
  for (const c of checks.filter((x) => x.status === 'PASS')) {
    if (results.length >= GITHUB_LIMITS.results) break
    const where = c.rule.target === 'artifact' ? result.scope.roots[0] : result.scope.inventories[0]
    const base = where === undefined ? undefined : c.rule.target === 'artifact' ? roots.idOf(where) : exports.idOf(path.dirname(where))
    const uri = where === undefined ? '.' : c.rule.target === 'artifact' ? '.' : uriOf(path.basename(where))
    results.push({
      ruleId: c.rule.id, ruleIndex: index.get(c.rule.id), kind: 'pass', level: 'none',
      message: {text: `No ${c.rule.target === 'artifact' ? 'file' : 'software row'} matched: ${c.rule.checked} checked.`},
      locations: [{physicalLocation: {artifactLocation: {uri, ...(base ? {uriBaseId: base} : {})}, region: {startLine: 1, startColumn: 1, endLine: 1, endColumn: 1}}}],
      ...(withSuppressions ? {suppressions: []} : {}),
    })
  }
  const omitted = ranked.length - Math.min(ranked.length, GITHUB_LIMITS.results)
  const notices = result.errors.slice(0, 1000).map((e) => ({level: 'warning', message: {text: `${e.code}: ${e.path}: ${e.message}`}}))
  if (omitted > 0) notices.unshift({level: 'warning', message: {text: `${omitted} lower-severity findings left out to stay within GitHub's ${GITHUB_LIMITS.results} results per run; the JSON, NDJSON and CSV outputs keep them all.`}})
  const taxonomies = new Map<string, Set<string>>()
  for (const r of rules) for (const c of r.compliance) taxonomies.set(c.framework, (taxonomies.get(c.framework) ?? new Set()).add(c.requirement))
  const run: Json = {
    tool: {driver: {name: 'passerelle', semanticVersion: result.tool.version, version: result.tool.version, rules: rules.map((r, i) => ruleDescriptor(r, checks[i]!.findings[0]))}},
    automationDetails: {id: `passerelle/scan/${result.scope.startedAt}`},
    originalUriBaseIds: Object.fromEntries([...roots.entries(), ...exports.entries()]),
    invocations: [{executionSuccessful: true, startTimeUtc: result.scope.startedAt, endTimeUtc: result.scope.finishedAt, toolExecutionNotifications: notices}],
    ...(taxonomies.size ? {taxonomies: [...taxonomies].map(([name, taxa]) => ({name, taxa: [...taxa].sort().map((id) => ({id}))}))} : {}),
    results,
    properties: {rulesDigest: result.rules.digest, summary: result.summary, ...(result.baseline ? {baseline: {file: result.baseline.file, new: result.baseline.new, unchanged: result.baseline.unchanged, absent: result.baseline.absent.length}} : {})},
  }
  // Results are streamed; the whole log would not fit in one string for the largest estates.
  const log = {$schema: SARIF_SCHEMA, version: '2.1.0', runs: [run]}
  const text = JSON.stringify({...log, runs: [{...run, results: '\u0000'}]}, null, 2)
  const [head, tail] = text.split('"results": "\\u0000"') as [string, string]
  yield `${head}"results": `
  if (results.length === 0) yield '[]'
  else {
    for (let i = 0; i < results.length; i += 500) {
      yield `${i === 0 ? '[\n' : ''}${results.slice(i, i + 500).map((r, j) => `        ${JSON.stringify(r, null, 2).replace(/\n/g, '\n        ')}${i + j < results.length - 1 ? ',' : ''}\n`).join('')}`
    }
    yield '      ]'
  }
  yield `${tail}\n`
}
