// The scan service: the one orchestrator. Files stream through identify → probe → match and are
// forgotten; only findings, counts and errors are kept, so memory does not grow with the share.
import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {digestFile} from '../lib/hash.js'
import {readInventory} from '../inventory/read.js'
import type {Warning} from '../inventory/reader.js'
import type {Artifact, Finding, RunError, RuleSummary, ScanInput, ScanResult, Severity, Software} from '../model.js'
import {fingerprint} from '../report/fingerprint.js'
import type {LoadedRule} from '../rules/load.js'
import {type MatchSubject, render} from '../rules/match.js'
import {RuleIndex} from '../rules/rule-index.js'
import {identifyRoots, type IdentifyOptions} from './identify.js'
import {loadRuleSet} from './rules.js'

export type {Warning}

export type ScanOptions = IdentifyOptions & {
  roots: string[]
  inventories: string[]
  rulePaths: string[]
  /** Leave out the bundled rule library (only --rules packs are used). */
  noBundledRules?: boolean
  /** Config file (--config); default: the nearest .passerelle.yaml from cwd up. */
  config?: string
  cwd?: string
  /** Ignore any .passerelle.yaml (tests, reproducible runs). */
  noConfig?: boolean
  onWarning?: (w: Warning) => void
  /** Called with each subject's new findings as the scan streams (the store records them in batches). */
  onFindings?: (findings: Finding[]) => Promise<void>
}

/** The version of Passerelle, read from package.json. */
export const TOOL_VERSION: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version

function findingFor(rule: LoadedRule, subject: MatchSubject, evidence: Finding['evidence']): Finding {
  const s: Finding['subject'] = subject.kind === 'artifact'
    ? {kind: 'artifact', path: subject.artifact.path, relativePath: subject.artifact.relativePath, format: subject.artifact.format}
    : {kind: 'software', host: subject.software.host, name: subject.software.name, vendor: subject.software.vendor,
       version: subject.software.version, product: subject.software.product, source: subject.software.source}
  return {
    ruleId: rule.id, title: rule.title, severity: rule.severity, subject: s, message: render(rule.message, subject), evidence,
    bridge: {...rule.bridge, commands: rule.bridge.commands.map((c) => render(c, subject, {shell: true}))},
    compliance: rule.compliance, fingerprint: fingerprint(rule.id, s),
  }
}

/** Digest of the rule set, so that a result says exactly which rules judged it. */
export function rulesDigest(rules: LoadedRule[]): string {
  const h = createHash('sha256')
  for (const r of [...rules].sort((a, b) => a.id.localeCompare(b.id))) h.update(JSON.stringify({...r, file: undefined}))
  return h.digest('hex')
}

/** Run a scan and return its ScanResult. Bad rule files and missing roots throw; bad files become errors. */
export async function scan(options: ScanOptions): Promise<ScanResult> {
  const startedAt = new Date().toISOString()
  const {rules, config, effect} = await loadRuleSet(options)
  for (const p of effect.unmatched) options.onWarning?.({file: config.file ?? 'config', message: `"${p}" names no loaded rule`})
  const index = new RuleIndex(rules)
  const findings: Finding[] = []
  const errors: RunError[] = []
  const byFormat: Record<string, number> = {}
  const byFeature: Record<string, number> = {}
  let artifacts = 0
  let software = 0

  const matchAll = async (subject: MatchSubject) => {
    const before = findings.length
    for (const {rule, evidence} of index.match(subject)) findings.push(findingFor(rule, subject, evidence))
    if (options.onFindings && findings.length > before) await options.onFindings(findings.slice(before))
  }
  if (options.roots.length > 0) {
    for await (const a of identifyRoots(options.roots, options) as AsyncGenerator<Artifact>) {
      artifacts++
      byFormat[a.format] = (byFormat[a.format] ?? 0) + 1
      for (const f of new Set(a.features.map((x) => x.id))) byFeature[f] = (byFeature[f] ?? 0) + 1
      if (a.error) errors.push({path: a.path, code: a.error.code, message: a.error.message})
      await matchAll({kind: 'artifact', artifact: a})
    }
  }
  for (const file of options.inventories) {
    for await (const s of readInventory(file, options.onWarning ?? (() => {})) as AsyncGenerator<Software>) {
      software++
      await matchAll({kind: 'software', software: s})
    }
  }
  const inputs: ScanInput[] = options.roots.map((p) => ({kind: 'root', path: p}))
  for (const p of options.inventories) inputs.push({kind: 'inventory', path: p, ...(await digestFile(p))})
  const bySeverity: Record<Severity, number> = {info: 0, low: 0, medium: 0, high: 0, critical: 0}
  for (const f of findings) bySeverity[f.severity]++
  return {
    schemaVersion: '1',
    tool: {name: 'passerelle', version: TOOL_VERSION},
    rules: {
      count: rules.length, digest: rulesDigest(rules),
      ...(config.file ? {config: config.file, failOn: config['fail-on'], disabled: effect.disabled, overrides: effect.overrides} : {}),
    },
    scope: {roots: options.roots, inventories: options.inventories, startedAt, finishedAt: new Date().toISOString(), inputs},
    summary: {artifacts, software, findings: findings.length, bySeverity, byFormat, byFeature, errors: errors.length},
    findings,
    errors,
    catalogue: rules.map((r) => summariseRule(r, r.target === 'artifact' ? artifacts : software)),
  }
}

/** A rule as reports show it, with the number of subjects it judged. */
function summariseRule(r: LoadedRule, checked: number): RuleSummary {
  return {id: r.id, title: r.title, description: r.description, severity: r.severity, target: r.target, tags: r.tags,
    references: r.references, compliance: r.compliance, bridge: r.bridge.summary, checked}
}

/** True when any finding is at or above the threshold (exit code 1 of DESIGN.md contract 5). */
export function failsAt(result: ScanResult, threshold: Severity): boolean {
  const order = ['info', 'low', 'medium', 'high', 'critical']
  // Suppressed findings stay visible but never fail a run; with a baseline only new findings do.
  return result.findings.some((f) => !f.suppression && f.baselineState !== 'unchanged' && order.indexOf(f.severity) >= order.indexOf(threshold))
}
