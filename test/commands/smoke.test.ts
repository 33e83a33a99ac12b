// The CLI as users run it: real processes, real exit codes (DESIGN.md contract 5).
import {chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ScanResult} from '../../src/model.js'
import {cli} from '../support/cli.js'
import {EXPORT, SHARE} from '../support/paths.js'

describe('passerelle identify', () => {
  it('streams one NDJSON object per file, with the contract fields', () => {
    const r = cli(['identify', SHARE, '--format', 'ndjson'])
    expect(r.status).toBe(0)
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l))
    expect(lines).toHaveLength(16)
    for (const l of lines) {
      expect(Object.keys(l)).toEqual(expect.arrayContaining(['path', 'size', 'format', 'basis', 'extensionMismatch', 'features', 'warnings']))
    }
    expect(lines.find((l) => l.path.endsWith('minutes.xlsx'))).toMatchObject({format: 'doc', extensionMismatch: true})
    expect(lines.find((l) => l.path.endsWith('invoice-macro.docm')).features[0].id).toBe('vba-macros')
  })

  it('prints --format json as one array sorted by path', () => {
    const r = cli(['identify', SHARE, '--format', 'json'])
    expect(r.status).toBe(0)
    const paths = (JSON.parse(r.stdout) as Array<{path: string}>).map((a) => a.path)
    expect(paths).toHaveLength(16)
    expect(paths).toEqual([...paths].sort())
  })

  it('exits 2 naming a missing root', () => {
    const r = cli(['identify', '/nonexistent/share'])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('/nonexistent/share')
  })

  it('records an unreadable file and an unreadable folder, naming them, and keeps the others', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-unreadable-'))
    chmodSync(dir, 0o755)
    writeFileSync(path.join(dir, 'secret.doc'), 'x')
    writeFileSync(path.join(dir, 'open.txt'), 'hello\n')
    mkdirSync(path.join(dir, 'locked'))
    writeFileSync(path.join(dir, 'locked', 'hidden.doc'), 'x')
    chmodSync(path.join(dir, 'secret.doc'), 0)
    chmodSync(path.join(dir, 'locked'), 0)
    const r = cli(['identify', dir, '-f', 'ndjson'], {unprivileged: true})
    expect(r.status).toBe(0)
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l))
    expect(lines).toHaveLength(3)
    expect(lines.find((l) => l.path.endsWith('secret.doc')).error).toMatchObject({code: 'EACCES', message: expect.stringContaining('secret.doc')})
    expect(lines.find((l) => l.path.endsWith('locked')).error.code).toBe('EACCES')
    expect(lines.find((l) => l.path.endsWith('open.txt')).format).toBe('txt')
  })
})

describe('passerelle scan', () => {
  it('prints findings with their bridges', () => {
    const r = cli(['scan', SHARE, '--inventory', EXPORT])
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('office.legacy-word-binary')
    expect(r.stdout).toContain('soffice --headless --convert-to odt')
    expect(r.stdout).toContain('eos.flash-player')
  })

  it('gives a ScanResult that parses with the model', () => {
    const r = cli(['scan', SHARE, '--inventory', EXPORT, '-f', 'json'])
    const result = ScanResult.parse(JSON.parse(r.stdout))
    expect(result.summary.artifacts).toBe(16)
    expect(result.summary.software).toBe(5)
    expect(result.findings.every((f) => /^[0-9a-f]{64}$/.test(f.fingerprint))).toBe(true)
  })

  it('exits 1 at or above --fail-on and 0 below it', () => {
    expect(cli(['scan', SHARE, '--fail-on', 'high']).status).toBe(1)
    expect(cli(['scan', SHARE, '--fail-on', 'critical']).status).toBe(0)
  })

  it('exits 2 on a bad rule file, naming the file, the rule and the field', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-badrule-'))
    writeFileSync(path.join(dir, 'pack.yaml'), 'rules:\n  - {id: my.rule, title: t, severity: low, target: artifact, match: {field: format, op: nope}, message: m, bridge: {summary: s}, references: [x]}\n')
    const r = cli(['scan', SHARE, '--rules', dir])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('pack.yaml:2: rule my.rule: field match.op: Invalid option')
  })

  it('exits 2 on an unreadable inventory and on a bad flag', () => {
    expect(cli(['scan', '--inventory', '/nonexistent/export.csv']).status).toBe(2)
    expect(cli(['scan', SHARE, '--fail-on', 'sometimes']).status).toBe(2)
  })

  it('writes the report to --output', () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'passerelle-out-')), 'r.json')
    expect(cli(['scan', SHARE, '-f', 'json', '-o', out]).status).toBe(0)
    expect(ScanResult.parse(JSON.parse(readFileSync(out, 'utf8'))).summary.artifacts).toBe(16)
  })
})

describe('passerelle rules list', () => {
  it('lists the rules as JSON with bridges, references and case counts', () => {
    const r = cli(['rules', 'list', '--json'])
    expect(r.status).toBe(0)
    const rules = JSON.parse(r.stdout)
    expect(rules.length).toBeGreaterThanOrEqual(5)
    for (const rule of rules) {
      expect(rule.bridge.summary.length).toBeGreaterThan(0)
      expect(rule.references.length).toBeGreaterThan(0)
      expect(rule.cases).toBeGreaterThanOrEqual(2)
    }
  })
})
