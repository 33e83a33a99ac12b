import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {applyConfig, Config, findConfig, idMatches, loadConfig} from '../../src/rules/config.js'
import {BUNDLED_RULES, loadRules} from '../../src/rules/load.js'

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'passerelle-config-'))

describe('.passerelle.yaml', () => {
  it('is found from a sub-folder upward, and pack paths resolve against the file', async () => {
    const dir = tmp()
    mkdirSync(path.join(dir, 'a/b'), {recursive: true})
    writeFileSync(path.join(dir, '.passerelle.yaml'), 'fail-on: high\npacks: [local-rules]\n')
    expect(findConfig(path.join(dir, 'a/b'))).toBe(path.join(dir, '.passerelle.yaml'))
    const config = await loadConfig({cwd: path.join(dir, 'a/b')})
    expect(config['fail-on']).toBe('high')
    expect(config.packs).toEqual([path.join(dir, 'local-rules')])
  })

  it('names the file, line and key of a mistake', async () => {
    const dir = tmp()
    const file = path.join(dir, 'c.yaml')
    writeFileSync(file, 'disable: []\nseverity:\n  office.*: urgent\n')
    await expect(loadConfig({file})).rejects.toThrow(`${file}:3: severity.office.*`)
    writeFileSync(file, 'fail_on: high\n')
    await expect(loadConfig({file})).rejects.toThrow(/c\.yaml:1: .*fail_on/)
  })

  it('disables rules and overrides severities by id or glob, and reports patterns that name nothing', async () => {
    const rules = await loadRules([BUNDLED_RULES])
    const config = Config.parse({disable: ['office.ooxml-*'], severity: {'eos.*': 'critical', 'nope.*': 'low'}})
    const {rules: tuned, effect} = applyConfig(rules, config)
    expect(tuned.some((r) => r.id.startsWith('office.ooxml-'))).toBe(false)
    expect(effect.disabled.length).toBeGreaterThan(0)
    expect(tuned.filter((r) => r.id.startsWith('eos.')).every((r) => r.severity === 'critical')).toBe(true)
    expect(effect.unmatched).toEqual(['nope.*'])
  })

  it('matches globs on whole ids only', () => {
    expect(idMatches('office.*', 'office.vba-macros')).toBe(true)
    expect(idMatches('office', 'office.vba-macros')).toBe(false)
    expect(idMatches('*.vba-macros', 'office.vba-macros')).toBe(true)
  })
})
