// The vitest suite runs the same Semgrep-style cases as `passerelle rules test`.
import {describe, expect, it} from 'vitest'
import {BUNDLED_RULES, loadRules} from '../../src/rules/load.js'
import {runCases} from '../../src/rules/cases.js'

const rules = await loadRules([BUNDLED_RULES])
const results = await runCases(rules)

describe('bundled rule cases', () => {
  it('every rule has at least one ruleid and one ok case', () => {
    for (const rule of rules) {
      const mine = results.filter((r) => r.ruleId === rule.id)
      expect(mine.some((r) => r.expect === 'match'), `${rule.id} has no ruleid case`).toBe(true)
      expect(mine.some((r) => r.expect === 'no-match'), `${rule.id} has no ok case`).toBe(true)
    }
  })
  for (const r of results) {
    it(`${r.file} ${r.expect} ${r.ruleId}`, () => {
      expect(r.passed, r.message).toBe(true)
    })
  }
})
