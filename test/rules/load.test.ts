import {mkdtempSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {BUNDLED_RULES, loadRules, RuleFileError} from '../../src/rules/load.js'

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'passerelle-rules-'))

describe('loadRules', () => {
  it('loads the bundled library with unique ids', async () => {
    const rules = await loadRules([BUNDLED_RULES])
    expect(rules.length).toBeGreaterThanOrEqual(5)
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length)
  })

  it('names the file, line, rule and field of a broken rule', async () => {
    const dir = tmp()
    const file = path.join(dir, 'bad.yaml')
    writeFileSync(file, [
      'rules:',
      '  - id: test.bad-rule',
      '    title: Bad',
      '    severity: urgent',
      '    target: artifact',
      '    match: {field: format, op: equals, value: doc}',
      '    message: m',
      '    bridge: {summary: s}',
      '    references: [r]',
    ].join('\n'))
    const err = await loadRules([dir]).catch((e) => e)
    expect(err).toBeInstanceOf(RuleFileError)
    expect(err.message).toContain(`${file}:4: rule test.bad-rule: field severity`)
  })

  it('reports a YAML syntax error with its line', async () => {
    const dir = tmp()
    writeFileSync(path.join(dir, 'broken.yaml'), 'rules:\n  - id: x.y\n    title: [unclosed\n')
    await expect(loadRules([dir])).rejects.toThrow(/broken\.yaml:\d+: YAML syntax error/)
  })

  it('refuses a rule without references', async () => {
    const dir = tmp()
    writeFileSync(path.join(dir, 'r.yaml'), 'rules:\n  - {id: a.b, title: t, severity: low, target: artifact, match: {field: format, op: exists}, message: m, bridge: {summary: s}, references: []}\n')
    await expect(loadRules([dir])).rejects.toThrow(/rule a\.b: field references/)
  })

  it('refuses a duplicate id across packs', async () => {
    const dir = tmp()
    writeFileSync(path.join(dir, 'dup.yaml'), 'rules:\n  - {id: office.vba-macros, title: t, severity: low, target: artifact, match: {field: format, op: exists}, message: m, bridge: {summary: s}, references: [x]}\n')
    await expect(loadRules([BUNDLED_RULES, dir])).rejects.toThrow(/already defined/)
  })
})
