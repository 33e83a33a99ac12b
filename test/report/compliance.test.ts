import {describe, expect, it} from 'vitest'
import {scoreFramework} from '../../src/report/compliance.js'
import {bundledFrameworks, selectFrameworks} from '../../src/report/frameworks.js'
import {BUNDLED_RULES, loadRules} from '../../src/rules/load.js'
import {sampleResult} from '../support/sample.js'

const REQUIRED: Record<string, string[]> = {
  'fr-rgi-v2': ['office-documents-odf', 'non-revisable-pdf', 'open-image-formats'],
  'uk-open-standards-2014': ['sharing-odf', 'viewing-pdfa-html'],
  'iso-26300-29500': ['odf-conformance', 'ooxml-strict'],
  'eif-2017': ['rec-3-open-source', 'rec-4-open-specifications', 'rec-8-no-technology-lock-in', 'rec-9-data-portability', 'rec-18-preservation'],
}

describe('compliance frameworks', () => {
  it('ship the requirement ids rules are tagged with', () => {
    const frameworks = bundledFrameworks()
    expect(frameworks.map((f) => f.Framework).sort()).toEqual(Object.keys(REQUIRED).sort())
    for (const f of frameworks) expect(f.Requirements.map((r) => r.Id)).toEqual(expect.arrayContaining(REQUIRED[f.Framework]!))
  })

  it('know every framework and requirement that a bundled rule names, and every check they name is a rule', async () => {
    const rules = await loadRules([BUNDLED_RULES])
    const ids = new Set(bundledFrameworks().flatMap((f) => f.Requirements.map((r) => `${f.Framework}/${r.Id}`)))
    const unknown = rules.flatMap((r) => r.compliance.map((c) => `${c.framework}/${c.requirement}`)).filter((x) => !ids.has(x))
    expect(unknown).toEqual([])
    const ruleIds = new Set(rules.map((r) => r.id))
    expect(bundledFrameworks().flatMap((f) => f.Requirements.flatMap((r) => r.Checks)).filter((c) => !ruleIds.has(c))).toEqual([])
  })

  it('scores passed / assessed and shows requirements nothing evaluated as NOT ASSESSED', async () => {
    const result = await sampleResult()
    const [rgi] = selectFrameworks(['fr-rgi-v2'])
    const score = scoreFramework(result, rgi!)
    expect(score.requirements.find((r) => r.id === 'office-documents-odf')).toMatchObject({status: 'FAIL'})
    // the sample estate holds a Photoshop file, which adobe.photoshop judges against open-image-formats
    expect(score.requirements.find((r) => r.id === 'open-image-formats')!.status).toBe('FAIL')
    expect(score.score).toBe(score.passed / (score.passed + score.failed + score.suppressed))

    // The same estate with its office files converted: the office requirement passes.
    const clean = {...result, findings: result.findings.filter((f) => f.subject.kind === 'software')}
    const cleanScore = scoreFramework(clean, rgi!)
    expect(cleanScore.requirements.find((r) => r.id === 'office-documents-odf')!.status).toBe('PASS')

    // Without files, the office requirement is not assessed rather than passed.
    // (web-stack rules also speak to office-documents-odf, so nothing at all is checked here)
    const noFiles = {...clean, findings: [], catalogue: result.catalogue!.map((r) => ({...r, checked: 0}))}
    expect(scoreFramework(noFiles, rgi!).requirements.find((r) => r.id === 'office-documents-odf')!.status).toBe('NOT ASSESSED')
    expect(scoreFramework(noFiles, rgi!).requirements.find((r) => r.id === 'open-image-formats')!.status).toBe('NOT ASSESSED')
  })

  it('measures the share of office documents kept in ODF from the format counts', async () => {
    const result = await sampleResult()
    const [rgi] = selectFrameworks(['fr-rgi-v2'])
    const metric = scoreFramework(result, rgi!).metrics.find((m) => m.id === 'office-documents-in-odf')!
    const odf = ['odt', 'ods', 'odp', 'odg'].reduce((n, f) => n + (result.summary.byFormat[f] ?? 0), 0)
    expect(metric.numerator).toBe(odf)
    expect(metric.denominator).toBeGreaterThan(odf)
    expect(metric.ratio).toBeCloseTo(odf / metric.denominator)
  })

  it('names an unknown framework', () => {
    expect(() => selectFrameworks(['fr-rgi-v9'])).toThrow(/unknown framework "fr-rgi-v9"; known: eif-2017/)
  })
})
