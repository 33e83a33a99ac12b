// The auditor's HTML report: self-contained, every value escaped, and it really opens offline in a browser.
import {mkdtempSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import type {Finding} from '../../src/model.js'
import {prepareResult} from '../../src/services/report.js'
import {renderHtml} from '../../src/report/html.js'
import {CHROMIUM_SKIP_REASON, HAS_CHROMIUM, openOffline} from '../support/chromium.js'
import {sampleResult} from '../support/sample.js'

const HOSTILE = '<img src=x onerror=alert(1)>"\'&.doc'

async function hostileReport(): Promise<string> {
  const result = await sampleResult()
  const evil: Finding = {...result.findings[0]!, subject: {kind: 'artifact', path: `/srv/${HOSTILE}`, relativePath: HOSTILE, format: 'doc'},
    message: `<script>alert("x")</script> ${HOSTILE}`, bridge: {summary: '</pre><b>bold</b>', steps: [], commands: ['echo "<x>"'], tools: [{name: '<i>t</i>'}]}}
  const prepared = prepareResult({...result, findings: [...result.findings, evil]}, {format: 'html', extra: [], frameworks: []})
  return renderHtml(prepared)
}

describe('renderHtml', () => {
  it('escapes every value from the estate and loads nothing from outside', async () => {
    const html = await hostileReport()
    expect(html).not.toContain('<img src=x')
    expect(html).not.toContain('<script')
    expect(html).not.toContain('<b>bold</b>')
    expect(html).not.toContain('<i>t</i>')
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;&#34;&#39;&#38;.doc')
    expect(html).not.toMatch(/\b(src|href)="(?!#)/)
    expect(html).toContain("default-src 'none'")
  })

  it('has the sections of an audit report: scope with hashes, scores, charts, requirements, findings, register, catalogue', async () => {
    const html = await hostileReport()
    for (const id of ['scope', 'scores', 'charts', 'requirements', 'findings', 'suppressions', 'rules']) expect(html).toContain(`<section id="${id}">`)
    expect(html).toMatch(/<code>[0-9a-f]{64}<\/code>/)
    expect(html).toContain('>FAIL</span>')
    // the rule library now judges every requirement on the sample estate; without its files some go unassessed
    const result = await sampleResult()
    const noFiles = {...result, findings: result.findings.filter((f) => f.subject.kind === 'software'),
      catalogue: result.catalogue!.map((r) => (r.target === 'artifact' ? {...r, checked: 0} : r))}
    expect(renderHtml(prepareResult(noFiles, {format: 'html', extra: [], frameworks: []}))).toContain('>NOT ASSESSED</span>')
    expect(html.match(/<svg class="chart"/g)).toHaveLength(2)
  })
})

describe.skipIf(!HAS_CHROMIUM)('the HTML report in headless Chromium', () => {
  it('opens offline with charts, a findings table and no console errors', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-html-'))
    const file = path.join(dir, 'report.html')
    writeFileSync(file, await hostileReport())
    const shot = path.join(dir, 'report.png')
    const page = await openOffline(file, ['svg.chart rect', '#findings-table tbody tr', '#requirements-table tbody tr', 'img', 'script'], {path: shot})
    expect(page.consoleErrors).toEqual([])
    expect(page.requests).toEqual([])
    expect(page.counts['svg.chart rect']).toBeGreaterThan(3)
    expect(page.counts['#findings-table tbody tr']).toBeGreaterThan(10)
    expect(page.counts['#requirements-table tbody tr']).toBeGreaterThan(5)
    expect(page.counts.img).toBe(0)
    expect(page.counts.script).toBe(0)
    expect(page.title).toContain('Passerelle report')
    expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG')
    expect(statSync(shot).size).toBeGreaterThan(10_000)
  })
})
if (!HAS_CHROMIUM) console.warn(CHROMIUM_SKIP_REASON)
