// The rules commands and the config file, run as a user would.
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ScanResult} from '../../src/model.js'
import {cli} from '../support/cli.js'
import {SHARE} from '../support/paths.js'

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'passerelle-rules-cli-'))
const PACK_RULE = [
  'rules:',
  '  - id: local.any-pdf',
  '    title: Any PDF',
  '    severity: info',
  '    target: artifact',
  '    match: {field: format, op: equals, value: pdf}',
  '    message: "{{path}} is a PDF"',
  '    bridge: {summary: Nothing to do}',
  '    references: [local policy]',
  '',
].join('\n')

function pack(cases: string): string {
  const dir = tmp()
  writeFileSync(path.join(dir, 'local.yaml'), PACK_RULE)
  writeFileSync(path.join(dir, 'local.test.yaml'), cases)
  return dir
}

describe('passerelle rules show / validate / test', () => {
  it('shows one rule with its bridge and cases, and suggests ids for a typo', () => {
    const r = cli(['rules', 'show', 'office.vba-macros', '--json'])
    expect(r.status).toBe(0)
    const shown = JSON.parse(r.stdout)
    expect(shown.bridge.summary).toBeTruthy()
    expect(shown.cases.length).toBeGreaterThan(1)
    const bad = cli(['rules', 'show', 'office.vba-macro'])
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('no loaded rule has id office.vba-macro')
  })

  it('validates a pack on its own and exits 1 when a case fails or a rule has no ok case', () => {
    const good = pack('cases:\n  - ruleid: local.any-pdf\n    artifact: {path: a.pdf, format: pdf}\n  - ok: local.any-pdf\n    artifact: {path: a.odt, format: odt}\n')
    expect(cli(['rules', 'validate', good]).status).toBe(0)
    const bad = pack('cases:\n  - ruleid: local.any-pdf\n    artifact: {path: a.odt, format: odt}\n')
    const r = cli(['rules', 'validate', bad])
    expect(r.status).toBe(1)
    expect(r.stdout).toContain('expected a match, got none')
    expect(r.stdout).toContain('local.any-pdf: needs at least one ruleid and one ok case')
  })

  it('runs the bundled cases and a given pack, naming the line of a failing case', () => {
    const all = cli(['rules', 'test'])
    expect(all.status).toBe(0)
    expect(all.stdout).toMatch(/\d+ passed, 0 failed/)
    const bad = pack('cases:\n  - ok: local.any-pdf\n    artifact: {path: a.pdf, format: pdf}\n')
    const r = cli(['rules', 'test', bad])
    expect(r.status).toBe(1)
    expect(r.stdout).toContain(`${path.join(bad, 'local.test.yaml')}:2`)
  })
})

describe('.passerelle.yaml in scan', () => {
  it('is found from the working directory up: packs, severity overrides, disabled rules and fail-on apply', () => {
    const dir = tmp()
    const p = pack('cases: []\n')
    mkdirSync(path.join(dir, 'sub'))
    writeFileSync(path.join(dir, '.passerelle.yaml'), `fail-on: critical\npacks: [${JSON.stringify(p)}]\ndisable: [office.ooxml-*]\nseverity:\n  office.legacy-*: critical\n`)
    const r = cli(['scan', SHARE, '-f', 'json'], {cwd: path.join(dir, 'sub')})
    expect(r.status).toBe(1)
    const result = ScanResult.parse(JSON.parse(r.stdout))
    expect(result.rules.config).toBe(path.join(dir, '.passerelle.yaml'))
    expect(result.findings.some((f) => f.ruleId.startsWith('office.ooxml-'))).toBe(false)
    expect(result.findings.filter((f) => f.ruleId.startsWith('office.legacy-')).every((f) => f.severity === 'critical')).toBe(true)
    expect(result.findings.some((f) => f.ruleId === 'local.any-pdf')).toBe(true)
    expect(cli(['scan', SHARE, '-f', 'json', '--fail-on', 'critical', '--config', path.join(dir, 'missing.yaml')]).status).toBe(2)
  })
})
