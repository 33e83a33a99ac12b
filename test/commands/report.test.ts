// `scan` with extra outputs, and `report` re-rendering a saved result without rescanning.
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ScanResult} from '../../src/model.js'
import {cli} from '../support/cli.js'
import {EXPORT, SHARE} from '../support/paths.js'
import {sarifErrors} from '../support/sarif.js'

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'passerelle-report-'))

describe('scan outputs and passerelle report', () => {
  const dir = tmp()
  const file = (name: string) => path.join(dir, name)

  it('writes the main report and every extra output in one run', () => {
    const r = cli(['scan', SHARE, '-i', EXPORT, '-f', 'json', '-o', file('result.json'), '--sarif-output', file('r.sarif'), '--csv-output', file('r.csv'),
      '--html-output', file('r.html'), '--junit-output', file('r.xml'), '--markdown-output', file('r.md'), '--ndjson-output', file('r.ndjson'), '--framework', 'fr-rgi-v2'])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout).toBe('')
    const result = ScanResult.parse(JSON.parse(readFileSync(file('result.json'), 'utf8')))
    expect(result.compliance!.map((c) => c.framework)).toEqual(['fr-rgi-v2'])
    expect(sarifErrors(JSON.parse(readFileSync(file('r.sarif'), 'utf8')))).toEqual([])
    expect(readFileSync(file('r.ndjson'), 'utf8').trim().split('\n')).toHaveLength(result.findings.length)
    expect(readFileSync(file('r.csv'), 'utf8').startsWith('\uFEFFFINDING_UID,')).toBe(true)
    expect(readFileSync(file('r.xml'), 'utf8')).toContain('<testsuite name="eos.flash-player"')
    expect(readFileSync(file('r.md'), 'utf8')).toContain('| fr-rgi-v2 | Revisable office documents in ODF | FAIL |')
    expect(readFileSync(file('r.html'), 'utf8')).toContain('id="findings-table"')
  })

  it('re-renders a saved result in another format, the same as the scan would have', () => {
    const csv = cli(['report', file('result.json'), '-f', 'csv', '--csv-delimiter', ';'])
    expect(csv.status).toBe(0)
    expect(csv.stdout.startsWith('\uFEFFFINDING_UID;RULE_ID;')).toBe(true)
    const sarif = cli(['report', file('result.json'), '-f', 'sarif'])
    expect(JSON.parse(sarif.stdout).runs[0].results).toEqual(JSON.parse(readFileSync(file('r.sarif'), 'utf8')).runs[0].results)
  })

  it('applies an ignore file: suppressed findings stay visible and do not fail the run', () => {
    writeFileSync(file('ignore.yaml'), 'ignores:\n  - {rule: eos.flash-player, host: PC-FIN-01, reason: kiosk, approved-by: rssi}\n')
    const failing = cli(['report', file('result.json'), '--fail-on', 'critical'])
    expect(failing.status).toBe(1)
    const r = cli(['report', file('result.json'), '--fail-on', 'critical', '--ignore-file', file('ignore.yaml'), '-f', 'csv'])
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/eos\.flash-player,[^\n]*,SUPPRESSED,critical/)
  })

  it('writes a baseline and compares with it: only new findings fail', () => {
    expect(cli(['report', file('result.json'), '--write-baseline', file('baseline.json'), '-o', file('ignored.txt')]).status).toBe(0)
    const r = cli(['scan', SHARE, '-i', EXPORT, '--baseline', file('baseline.json'), '--fail-on', 'info'])
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/baseline .*: 0 new, \d+ unchanged, 0 absent/)
  })

  it('exits 2 naming a bad ignore file, an unknown framework or a file that is not a result', () => {
    writeFileSync(file('broken.yaml'), 'ignores:\n  - rule: [x\n')
    const bad = cli(['scan', SHARE, '--ignore-file', file('broken.yaml')])
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('broken.yaml:')
    expect(cli(['report', file('result.json'), '--framework', 'nope']).stderr).toContain('unknown framework "nope"')
    const notResult = cli(['report', file('broken.yaml')])
    expect(notResult.status).toBe(2)
    expect(notResult.stderr).toContain('broken.yaml')
  })
})
