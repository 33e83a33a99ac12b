import {mkdtempSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {compareWithBaseline, readBaseline, renderBaseline} from '../../src/report/baseline.js'
import {failsAt} from '../../src/services/scan.js'
import {sampleResult} from '../support/sample.js'

describe('baseline', () => {
  it('marks findings new or unchanged and lists the ones that are gone', async () => {
    const result = await sampleResult()
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'passerelle-baseline-')), 'baseline.json')
    const [gone, ...rest] = result.findings
    writeFileSync(file, renderBaseline({...result, findings: result.findings.filter((f) => f.ruleId !== 'eos.flash-player')}))
    const baseline = readBaseline(file)
    expect(baseline).toHaveLength(result.findings.length - 1)
    const {findings, comparison} = compareWithBaseline(rest, baseline, file)
    const flashGone = gone!.ruleId === 'eos.flash-player'
    expect(comparison.absent.map((a) => a.fingerprint)).toEqual(flashGone ? [] : [gone!.fingerprint])
    expect(findings.filter((f) => f.baselineState === 'new').map((f) => f.ruleId)).toEqual(rest.some((f) => f.ruleId === 'eos.flash-player') ? ['eos.flash-player'] : [])
    expect(comparison.unchanged + comparison.new).toBe(rest.length)
    // With a baseline, only new findings fail the run.
    const onlyOld = compareWithBaseline(result.findings.filter((f) => f.ruleId !== 'eos.flash-player'), baseline, file).findings
    expect(failsAt({...result, findings: onlyOld}, 'info')).toBe(false)
  })

  it('accepts a saved ScanResult as a baseline and names a file that is not one', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-baseline-'))
    const result = await sampleResult()
    writeFileSync(path.join(dir, 'result.json'), JSON.stringify(result))
    expect(readBaseline(path.join(dir, 'result.json')).map((b) => b.fingerprint)).toEqual(result.findings.map((f) => f.fingerprint))
    writeFileSync(path.join(dir, 'bad.json'), '{"x": 1}')
    expect(() => readBaseline(path.join(dir, 'bad.json'))).toThrow(/bad\.json: not a baseline/)
  })
})
