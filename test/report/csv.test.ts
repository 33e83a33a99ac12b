import {parse} from 'csv-parse/sync'
import {describe, expect, it} from 'vitest'
import type {Finding, ScanResult} from '../../src/model.js'
import {csvCell, neutralise, renderCsv} from '../../src/report/csv.js'
import {sampleResult} from '../support/sample.js'

const rows = (text: string, delimiter = ',') => parse(text.replace(/^\uFEFF/, ''), {columns: true, delimiter}) as Record<string, string>[]

describe('CSV', () => {
  it('neutralises cells that a spreadsheet would run as a formula', () => {
    for (const bad of ['=HYPERLINK("http://x","y")', '+1+2', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(neutralise(bad).startsWith("'")).toBe(true)
    expect(neutralise('budget.xls')).toBe('budget.xls')
    expect(csvCell('a;b', ';')).toBe('"a;b"')
    expect(csvCell('say "hi"', ',')).toBe('"say ""hi"""')
  })

  it('writes a BOM, ISO dates and one row per finding, with a hostile file name made inert', async () => {
    const result = await sampleResult()
    const evil = {...result.findings[0]!, subject: {kind: 'artifact', path: '/srv/=cmd|\' /C calc\'!A0.doc', relativePath: "=cmd|' /C calc'!A0.doc", format: 'doc'}, message: '=cmd|x'} as Finding
    const text = renderCsv({...result, findings: [...result.findings, evil]} as ScanResult, {delimiter: ';'})
    expect(text.startsWith('\uFEFFFINDING_UID;RULE_ID;')).toBe(true)
    const parsed = rows(text, ';')
    expect(parsed).toHaveLength(result.findings.length + 1)
    const last = parsed.at(-1)!
    expect(last.PATH).toBe("'/srv/=cmd|' /C calc'!A0.doc".replace("'/srv", '/srv'))
    expect(last.MESSAGE).toBe("'=cmd|x")
    expect(last.SCAN_STARTED).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/)
    for (const row of parsed) for (const cell of Object.values(row)) expect(cell, cell).not.toMatch(/^[=+\-@]/)
  })

  it('gives one row per check with PASS / FAIL / NOT ASSESSED', async () => {
    const result = await sampleResult()
    const noInventory = {...result, catalogue: result.catalogue!.map((r) => (r.target === 'software' ? {...r, checked: 0} : r)), findings: result.findings.filter((f) => f.subject.kind === 'artifact')}
    const parsed = rows(renderCsv(noInventory, {rows: 'checks'}))
    expect(parsed.find((r) => r.RULE_ID === 'office.legacy-word-binary')!.STATUS).toBe('FAIL')
    expect(parsed.find((r) => r.RULE_ID === 'eos.flash-player')!.STATUS).toBe('NOT_ASSESSED')
    expect(parsed).toHaveLength(result.catalogue!.length)
  })
})
