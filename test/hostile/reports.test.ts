// Hostile names in the reports people open: CSV cells never start a formula (whatever separator the
// spreadsheet splits on), the HTML report runs nothing injected (checked in Chromium, with and without
// its Content-Security-Policy), and shell commands quote every name into exactly one word.
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {parse} from 'csv-parse/sync'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {HOSTILE_NAMES, writeHostileNames} from '../../fixtures/hostile/tree.js'
import {shellQuote} from '../../src/rules/match.js'
import {runCli} from './support.js'

const PACK = `rules:
  - id: hostile.every-file
    title: Every file, so that every hostile name reaches the reports
    severity: high
    target: artifact
    match: {field: size, op: gte, value: 0}
    message: "{{relativePath}} seen"
    bridge:
      summary: "Look at {{relativePath}}"
      commands: ["printf %s {{path}}"]
      tools: [{name: printf}]
      effort: trivial
    references: ["https://owasp.org/www-community/attacks/CSV_Injection"]
`
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p))
let dir: string
let result: string
const DELIMITERS = [',', ';', 'tab']
const csv = new Map<string, string>()

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-hostile-reports-'))
  writeHostileNames(path.join(dir, 'share'))
  writeFileSync(path.join(dir, 'pack.yaml'), PACK)
  result = path.join(dir, 'result.json')
  const run = await runCli(['scan', path.join(dir, 'share'), '--rules', path.join(dir, 'pack.yaml'), '-f', 'json', '-o', result])
  expect(run.status, run.stderr).toBe(0)
  // The reports, rendered at once (the machine is shared: one CLI start each, in parallel).
  const runs = await Promise.all([
    ...DELIMITERS.map((d) => runCli(['report', result, '-f', 'csv', '--csv-delimiter', d])),
    runCli(['report', result, '-f', 'html', '-o', path.join(dir, 'report.html')]),
  ])
  for (const r of runs) expect(r.status, r.stderr).toBe(0)
  DELIMITERS.forEach((d, i) => csv.set(d, runs[i]!.stdout))
}, 120_000)
afterAll(() => rmSync(dir, {recursive: true, force: true}))

describe('hostile names in reports', () => {
  for (const delimiter of DELIMITERS) {
    it(`CSV (${delimiter}): no cell can start a formula, even split on another separator`, () => {
      const text = csv.get(delimiter)!.replace(/^\uFEFF/, '')
      for (const as of [',', ';', '\t']) {
        const rows: string[][] = parse(text, {delimiter: as, relax_quotes: true, relax_column_count: true})
        const bad = rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell))
        expect(bad, `written with ${delimiter}, read with ${JSON.stringify(as)}: ${JSON.stringify(bad)}`).toEqual([])
      }
      // Read with the separator it was written with, every hostile name comes back whole (less the
      // apostrophes that neutralise a formula after a separator).
      const rows: string[][] = parse(text, {delimiter: delimiter === 'tab' ? '\t' : delimiter})
      const paths = rows.slice(1).map((r) => r[6]!.replace(/([,;\t])'(?=[=+\-@])/g, '$1'))
      for (const name of HOSTILE_NAMES) expect(paths.some((p) => p.endsWith(`/${name}`)), JSON.stringify(name)).toBe(true)
    })
  }

  it('shell commands quote every name into one word that a shell reads back exactly', () => {
    for (const name of HOSTILE_NAMES.map((n) => `/srv/share/${n}`)) {
      const r = spawnSync('sh', ['-c', `printf '%s\\0' ${shellQuote(name)}`], {cwd: dir, encoding: 'utf8'})
      expect(r.stdout.split('\0').slice(0, -1), JSON.stringify(name)).toEqual([name])
    }
    expect(existsSync(path.join(dir, 'PWNED'))).toBe(false)
  })

  it.skipIf(!CHROMIUM)('HTML: Chromium shows every name as text and runs nothing, with or without the CSP', async () => {
    const html = readFileSync(path.join(dir, 'report.html'), 'utf8')
    writeFileSync(path.join(dir, 'no-csp.html'), html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''))
    const {chromium} = await import('playwright-core')
    const browser = await chromium.launch({executablePath: CHROMIUM, args: ['--no-sandbox']})
    try {
      for (const file of ['report.html', 'no-csp.html']) {
        const page = await browser.newPage()
        const events: string[] = []
        page.on('dialog', (d) => {
          events.push(`dialog: ${d.message()}`)
          void d.dismiss()
        })
        page.on('request', (r) => {
          if (!r.url().startsWith('file://')) events.push(`request: ${r.url()}`)
        })
        page.on('console', (m) => events.push(`console: ${m.text()}`))
        await page.goto(`file://${path.join(dir, file)}`)
        await page.waitForTimeout(300)
        // A string, not a function: the test is compiled without the DOM library.
        const dom = (await page.evaluate(`({
          handlers: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => e.tagName + ' ' + a.name)),
          injected: document.querySelectorAll('script, iframe, object, embed, img, svg[onload]').length,
          text: document.body.innerText,
        })`)) as {handlers: string[]; injected: number; text: string}
        expect(dom.handlers, file).toEqual([])
        expect(dom.injected, file).toBe(0)
        expect(events.filter((e) => !e.startsWith('console') || /alert|error/i.test(e)), file).toEqual([])
        for (const name of ['<img src=x onerror=alert(1)>.docx', '"><svg onload=alert(document.domain)>.doc']) expect(dom.text, file).toContain(name)
        await page.close()
      }
    } finally {
      await browser.close()
    }
  }, 60_000)
})
