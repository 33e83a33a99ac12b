import {mkdtempSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {applySuppressions, readIgnoreFile} from '../../src/report/suppress.js'
import {failsAt} from '../../src/services/scan.js'
import {sampleResult} from '../support/sample.js'

const write = (text: string) => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'passerelle-ignore-')), '.passerelle-ignore.yaml')
  writeFileSync(file, text)
  return file
}

describe('suppressions', () => {
  it('reads entries with their line, and refuses entries without a reason, a criterion or a valid date', () => {
    const file = write(`ignores:
  - rule: "office.legacy-*"
    path: "finance/**"
    reason: partner requires xls
    approved-by: rssi@example.fr
    expires: 2999-12-31
  - rule: eos.flash-player
  - reason: nothing to match
  - host: PC-FIN-01
    reason: old
    expires: 2001-01-01
  - host: PC-FIN-01
    reason: typo
    expires: 31/12/2099
`)
    const entries = readIgnoreFile(file, '2026-11-28')
    expect(entries.map((e) => [e.source.split(':').at(-1), e.status])).toEqual([['2', 'active'], ['7', 'invalid'], ['8', 'invalid'], ['9', 'expired'], ['12', 'invalid']])
    expect(entries[0]).toMatchObject({approvedBy: 'rssi@example.fr', expires: '2999-12-31'})
    expect(entries[1]!.problem).toContain('reason')
    expect(entries[4]!.problem).toContain('not a date')
  })

  it('names the file and line of a YAML error', () => {
    const file = write('ignores:\n  - rule: [unclosed\n')
    expect(() => readIgnoreFile(file)).toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: YAML syntax error`))
  })

  it('suppresses by rule glob + path glob, host and fingerprint; expired entries suppress nothing; suppressed findings never fail the run', async () => {
    const result = await sampleResult()
    const flash = result.findings.find((f) => f.ruleId === 'eos.flash-player')!
    const pptx = result.findings.find((f) => f.subject.kind === 'artifact' && f.subject.relativePath === 'slides/roadmap.pptx')!
    const file = write(`ignores:
  - {rule: "office.legacy-*", path: "finance/**", reason: partner}
  - {host: pc-fin-01, rule: "eos.office-*", reason: replaced next month, expires: 2001-01-01}
  - {host: PC-FIN-01, rule: "eos.flash-*", reason: kiosk}
  - {fingerprint: "sha256:${pptx.fingerprint}", reason: one file}
`)
    const {findings, register} = applySuppressions(result.findings, readIgnoreFile(file))
    const suppressed = findings.filter((f) => f.suppression)
    expect(suppressed.map((f) => f.ruleId).sort()).toEqual(['eos.flash-player', 'office.legacy-excel-binary', 'office.ooxml-presentation-for-exchange'])
    expect(suppressed.find((f) => f.fingerprint === flash.fingerprint)!.suppression).toMatchObject({reason: 'kiosk', source: `${file}:4`})
    expect(register.map((e) => e.matched)).toEqual([1, 0, 1, 1])
    expect(failsAt({...result, findings}, 'critical')).toBe(false)
    expect(failsAt(result, 'critical')).toBe(true)
    expect(failsAt({...result, findings}, 'high')).toBe(true)
  })
})
