import {describe, expect, it} from 'vitest'
import {caseSubject} from '../../src/rules/cases.js'
import type {LoadedRule} from '../../src/rules/load.js'
import {matchRule} from '../../src/rules/match.js'
import {keysOf, RuleIndex} from '../../src/rules/rule-index.js'
import {Rule} from '../../src/model.js'

const rule = (id: string, target: 'artifact' | 'software', match: unknown): LoadedRule =>
  ({...Rule.parse({id, title: id, severity: 'low', target, match, message: 'm', bridge: {summary: 's'}, references: ['r']}), file: 'x'})

const rules = [
  rule('a.doc', 'artifact', {field: 'format', op: 'in', value: ['doc', 'dot']}),
  rule('a.vba', 'artifact', {all: [{field: 'features', op: 'contains', value: 'vba-macros'}, {not: {field: 'format', op: 'equals', value: 'xls'}}]}),
  rule('a.font', 'artifact', {field: 'fonts', op: 'contains', value: 'Calibri'}),
  rule('a.big', 'artifact', {field: 'size', op: 'gt', value: 100}),
  rule('s.office', 'software', {any: [{field: 'product', op: 'equals', value: 'microsoft:office'}, {field: 'name', op: 'regex', value: '^microsoft office .*2010'}]}),
  rule('s.flash', 'software', {field: 'name', op: 'regex', value: 'flash player'}),
  rule('s.old', 'software', {field: 'version', op: 'version', value: '<2'}),
]

describe('keysOf', () => {
  it('files exact values, literals, and gives up on negations and comparisons', () => {
    expect(keysOf(rules[0]!.match)).toEqual({exact: ['format=doc', 'format=dot'], text: []})
    expect(keysOf(rules[1]!.match)).toEqual({exact: ['features=vba-macros'], text: []})
    expect(keysOf(rules[4]!.match)?.text).toEqual([{field: 'name', literal: 'microsoft office '}])
    expect(keysOf(rules[3]!.match)).toBeUndefined()
    expect(keysOf({not: {field: 'format', op: 'equals', value: 'doc'}})).toBeUndefined()
  })
})

describe('RuleIndex', () => {
  const index = new RuleIndex(rules)
  const subjects = [
    caseSubject({artifact: {path: 'a.doc', format: 'doc', size: 5}}),
    caseSubject({artifact: {path: 'm.docm', format: 'docm', features: ['vba-macros'], size: 500}}),
    caseSubject({artifact: {path: 'm.xls', format: 'xls', features: ['vba-macros']}}),
    caseSubject({artifact: {path: 'f.docx', format: 'docx', metadata: {fonts: [{name: 'CALIBRI'}]}}}),
    caseSubject({software: {name: 'Microsoft Office Standard 2010', version: '14.0'}}),
    caseSubject({software: {name: 'Contoso', product: 'microsoft:office', version: '3'}}),
    caseSubject({software: {name: 'Adobe Flash Player 32 NPAPI', version: '32'}}),
    caseSubject({software: {name: 'LibreOffice', version: '1.5'}}),
  ]
  it('gives exactly the matches of trying every rule', () => {
    for (const s of subjects) {
      const naive = rules.filter((r) => matchRule(r, s)).map((r) => r.id)
      expect(index.match(s).map((m) => m.rule.id)).toEqual(naive)
    }
  })
  it('evaluates far fewer rules than the whole set', () => {
    expect(index.candidates(subjects[0]!).map((r) => r.id)).toEqual(['a.doc', 'a.big'])
    expect(index.candidates(subjects[7]!).map((r) => r.id)).toEqual(['s.old'])
    expect(index.unindexed).toBe(2)
  })
})

describe('RuleIndex at scale (the bench:rules data)', async () => {
  const {generateRules, generateSubjects} = await import('../../scripts/rule-bench-data.js')
  const many = generateRules(1000)
  const subjects = generateSubjects(200)
  const index = new RuleIndex(many)
  it('agrees with trying every rule, while trying under 5% of them per subject', () => {
    let tried = 0
    for (const s of subjects) {
      tried += index.candidates(s).length
      expect(index.match(s).map((m) => m.rule.id)).toEqual(many.filter((r) => matchRule(r, s)).map((r) => r.id))
    }
    expect(tried / subjects.length).toBeLessThan(50)
  })
})
