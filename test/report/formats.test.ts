// The people formats (table, Markdown) and the CI formats (JUnit, NDJSON, JSON in chunks).
import {parseStringPromise} from 'xml2js'
import {describe, expect, it} from 'vitest'
import {renderJson} from '../../src/report/json.js'
import {renderJunit} from '../../src/report/junit.js'
import {mdEscape, renderMarkdown} from '../../src/report/markdown.js'
import {renderNdjson} from '../../src/report/ndjson.js'
import {streamJson} from '../../src/report/stream-json.js'
import {renderTable, wantsColour} from '../../src/report/table.js'
import {prepareResult} from '../../src/services/report.js'
import {sampleResult} from '../support/sample.js'

const prepared = async () => prepareResult(await sampleResult(), {format: 'table', extra: [], frameworks: ['fr-rgi-v2']})

describe('table', () => {
  it('groups by rule and folder or host, and colours only when asked', async () => {
    const result = await prepared()
    const plain = renderTable(result)
    expect(plain).not.toContain('\x1b[')
    expect(plain).toMatch(/office\.legacy-word-binary {2}Word 97-2003 binary document\n {4}2 files under letters\//)
    expect(plain).toMatch(/1 package on PC-FIN-01/)
    expect(plain).toMatch(/fr-rgi-v2: \d+% \(/)
    expect(renderTable(result, {color: true})).toContain('\x1b[1;35mCRITICAL')
  })

  it('wants colour on a terminal unless NO_COLOR is set or the terminal is dumb', () => {
    expect(wantsColour({isTTY: true}, {})).toBe(true)
    expect(wantsColour({isTTY: false}, {})).toBe(false)
    expect(wantsColour({isTTY: true}, {NO_COLOR: '1'})).toBe(false)
    expect(wantsColour({isTTY: true}, {NO_COLOR: ''})).toBe(true)
    expect(wantsColour({isTTY: true}, {TERM: 'dumb'})).toBe(false)
  })
})

describe('machine formats', () => {
  it('streams JSON byte-identical to JSON.stringify, with any number of findings', async () => {
    const result = await prepared()
    expect(renderJson(result)).toBe(`${JSON.stringify(result, null, 2)}\n`)
    expect(renderJson({...result, findings: []})).toBe(`${JSON.stringify({...result, findings: []}, null, 2)}\n`)
    const many = {a: 1, items: Array.from({length: 1203}, (_, i) => ({i, s: `x${i}`})), z: [1]}
    const chunks = [...streamJson(many, 'items', many.items, 1, 100)]
    expect(chunks.length).toBeGreaterThan(12)
    expect(chunks.join('')).toBe(JSON.stringify(many, null, 2))
  })

  it('gives one NDJSON line per finding', async () => {
    const result = await prepared()
    const lines = renderNdjson(result).trim().split('\n').map((l) => JSON.parse(l))
    expect(lines.map((l) => l.fingerprint)).toEqual(result.findings.map((f) => f.fingerprint))
  })

  it('gives JUnit XML with a suite per rule, failures per finding, and skipped for rules not assessed', async () => {
    const result = await prepared()
    const noInventory = {...result, catalogue: result.catalogue!.map((r) => (r.target === 'software' ? {...r, checked: 0} : r)), findings: result.findings.filter((f) => f.subject.kind === 'artifact')}
    const xml = await parseStringPromise(renderJunit(noInventory))
    const suites = xml.testsuites.testsuite as {$: {name: string}; testcase: unknown}[]
    expect(suites).toHaveLength(result.catalogue!.length)
    expect(Number(xml.testsuites.$.failures)).toBe(noInventory.findings.length)
    const flash = suites.find((s) => s.$.name === 'eos.flash-player')!
    expect(JSON.stringify(flash.testcase)).toContain('not assessed')
  })

  it('escapes Markdown so a file name cannot break the table or inject links', async () => {
    expect(mdEscape('a|b [x](http://e) <b>')).toBe('a\\|b \\[x\\]\\(http://e\\) \\<b\\>')
    const md = renderMarkdown(await prepared())
    expect(md).toContain('## Compliance')
    expect(md).toMatch(/\| fr-rgi-v2 \| Revisable office documents in ODF \| FAIL \|/)
  })
})
