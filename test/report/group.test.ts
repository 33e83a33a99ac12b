import {describe, expect, it} from 'vitest'
import type {Finding} from '../../src/model.js'
import {groupFindings} from '../../src/report/group.js'

const file = (ruleId: string, relativePath: string): Finding => ({
  ruleId, title: ruleId, severity: 'medium', subject: {kind: 'artifact', path: `/srv/${relativePath}`, relativePath, format: 'doc'},
  message: '', evidence: [], bridge: {summary: 's', steps: [], commands: [], tools: []}, compliance: [], fingerprint: relativePath,
})

describe('groupFindings', () => {
  it('groups by rule and top-level folder, largest first, with examples', () => {
    const groups = groupFindings([file('a.x', 'finance/1.doc'), file('a.x', 'finance/q/2.doc'), file('a.x', 'hr/3.doc'), file('b.y', 'finance/4.doc'), file('a.x', 'top.doc')])
    expect(groups.map((g) => [g.ruleId, g.scope, g.count])).toEqual([['a.x', 'finance', 2], ['a.x', '.', 1], ['a.x', 'hr', 1], ['b.y', 'finance', 1]])
    expect(groups[0]!.examples).toEqual(['finance/1.doc', 'finance/q/2.doc'])
  })
  it('gives a group the same fingerprint whatever the files in it', () => {
    const one = groupFindings([file('a.x', 'finance/1.doc')])[0]!
    const two = groupFindings([file('a.x', 'finance/2.doc'), file('a.x', 'finance/3.doc')])[0]!
    expect(one.fingerprint).toBe(two.fingerprint)
    expect(groupFindings([file('a.x', 'hr/1.doc')])[0]!.fingerprint).not.toBe(one.fingerprint)
  })
})
