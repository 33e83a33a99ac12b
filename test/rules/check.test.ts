import {mkdtempSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {checkRule} from '../../src/rules/check.js'
import {loadRules} from '../../src/rules/load.js'
import {Rule} from '../../src/model.js'

const rule = (match: unknown, extra: Record<string, unknown> = {}) =>
  Rule.parse({id: 'a.b', title: 't', severity: 'low', target: 'artifact', match, message: 'm', bridge: {summary: 's'}, references: ['r'], ...extra})

describe('checkRule', () => {
  it('accepts known fields, metadata sub-fields and fonts', () => {
    expect(checkRule(rule({all: [{field: 'format', op: 'in', value: ['doc']}, {field: 'metadata.odfVersion', op: 'version', value: '<1.2'}, {field: 'fonts', op: 'contains', value: 'Aptos'}]}))).toEqual([])
  })
  it('catches a misspelt field, a bad regex, a scalar where a list is needed, and an unknown placeholder', () => {
    const problems = checkRule(rule({any: [{field: 'formt', op: 'equals', value: 'doc'}, {field: 'path', op: 'regex', value: '(unclosed'}, {field: 'format', op: 'in', value: 'doc'}]}, {message: '{{pth}}'}))
    expect(problems.map((p) => p.path.join('.'))).toEqual(['match.any.0.field', 'match.any.1.value', 'match.any.2.value', 'message'])
  })
  it('makes the loader stop at the line of the problem', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-check-'))
    const file = path.join(dir, 'r.yaml')
    writeFileSync(file, ['rules:', '  - id: a.b', '    title: t', '    severity: low', '    target: software', '    match:', '      all:', '        - {field: nme, op: regex, value: x}', '    message: m', '    bridge: {summary: s}', '    references: [r]', ''].join('\n'))
    await expect(loadRules([file])).rejects.toThrow(`${file}:8: rule a.b: field match.all.0.field: unknown software field "nme"`)
  })
})
