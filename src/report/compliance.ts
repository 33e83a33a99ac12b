// Scores per framework: a requirement is judged by the rules mapped to it (the framework's Checks plus
// every rule whose `compliance` names it). Score = passed / assessed; a requirement whose checks saw
// nothing (no files, no inventory, no rule yet) is NOT ASSESSED and left out of the ratio, never "pass".
import type {Framework, FrameworkScore, MetricCount, MetricResult, RequirementResult, ScanResult} from '../model.js'
import {checkResults} from './checks.js'

function count(result: ScanResult, c: MetricCount): number {
  let n = 0
  for (const f of c.formats ?? []) n += result.summary.byFormat[f] ?? 0
  for (const f of c.features ?? []) n += result.summary.byFeature[f] ?? 0
  return n
}

/** An estate metric from the scan's counts; ratio is null when the denominator is 0. */
export function measure(result: ScanResult, m: Framework['Metrics'][number]): MetricResult {
  const numerator = count(result, m.Numerator)
  const denominator = count(result, m.Denominator)
  return {id: m.Id, name: m.Name, numerator, denominator, ratio: denominator > 0 ? numerator / denominator : null}
}

/** Judge every requirement of a framework against a result and compute its score. */
export function scoreFramework(result: ScanResult, framework: Framework): FrameworkScore {
  const checks = checkResults(result)
  const requirements: RequirementResult[] = framework.Requirements.map((req) => {
    const mine = checks.filter((c) => req.Checks.includes(c.rule.id) || c.rule.compliance.some((x) => x.framework === framework.Framework && x.requirement === req.Id))
    const assessed = mine.filter((c) => c.status !== 'NOT ASSESSED')
    const open = assessed.reduce((n, c) => n + c.open, 0)
    const suppressed = assessed.reduce((n, c) => n + c.suppressed, 0)
    const status = assessed.length === 0 ? 'NOT ASSESSED' : open > 0 ? 'FAIL' : suppressed > 0 ? 'SUPPRESSED' : 'PASS'
    const section = req.Attributes.map((a) => a.Section).find((s): s is string => typeof s === 'string')
    return {id: req.Id, name: req.Name, section, status, checks: mine.map((c) => c.rule.id), assessed: assessed.map((c) => c.rule.id), findings: open, suppressed}
  })
  const tally = (s: RequirementResult['status']) => requirements.filter((r) => r.status === s).length
  const passed = tally('PASS')
  const failed = tally('FAIL')
  const suppressed = tally('SUPPRESSED')
  const assessed = passed + failed + suppressed
  return {
    framework: framework.Framework, name: framework.Name, version: framework.Version, source: framework.Source,
    passed, failed, suppressed, notAssessed: tally('NOT ASSESSED'), score: assessed > 0 ? passed / assessed : null,
    requirements, metrics: framework.Metrics.map((m) => measure(result, m)),
  }
}
