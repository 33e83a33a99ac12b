import {describe, expect, it} from 'vitest'
import type {LoadedRule} from '../../src/rules/load.js'
import {evaluate, render, shellQuote} from '../../src/rules/match.js'
import {caseSubject} from '../../src/rules/cases.js'

const view = {format: 'xls', features: ['vba-macros', 'encrypted'], metadata: {application: 'Microsoft Excel'}, version: '14.0.7015.1000', name: 'Microsoft Office 2010'}

describe('evaluate', () => {
  it('combines all / any / not and returns evidence', () => {
    const ev = evaluate({all: [{field: 'format', op: 'in', value: ['xls', 'doc']}, {not: {field: 'features', op: 'contains', value: 'xfa'}}]}, view)
    expect(ev).toEqual([{field: 'format', op: 'in', expected: ['xls', 'doc'], actual: 'xls'}])
    expect(evaluate({any: [{field: 'format', op: 'equals', value: 'doc'}, {field: 'features', op: 'contains', value: 'encrypted'}]}, view)).toBeDefined()
    expect(evaluate({field: 'format', op: 'equals', value: 'doc'}, view)).toBeUndefined()
  })

  it('reads dotted fields, regexes and version ranges with a fourth part', () => {
    expect(evaluate({field: 'metadata.application', op: 'regex', value: '^microsoft excel$'}, view)).toBeDefined()
    expect(evaluate({field: 'version', op: 'version', value: '>=14.0, <14.0.7015.1001'}, view)).toBeDefined()
    expect(evaluate({field: 'version', op: 'version', value: '>=14.0, <14.0.7015.1000'}, view)).toBeUndefined()
    expect(evaluate({field: 'version', op: 'version', value: '<12 || >=14'}, view)).toBeDefined()
  })

  it('treats exists on missing and present fields', () => {
    expect(evaluate({field: 'vendor', op: 'exists'}, view)).toBeUndefined()
    expect(evaluate({field: 'vendor', op: 'exists', value: false}, view)).toBeDefined()
  })
})

describe('render', () => {
  const subject = caseSubject({artifact: {path: "Q1 it's/budget.xls", format: 'xls'}})
  it('fills placeholders in messages', () => {
    expect(render('{{path}} is {{format}}', subject)).toBe("Q1 it's/budget.xls is xls")
  })
  it('quotes file names in commands so a name cannot become shell code', () => {
    expect(render('soffice --convert-to ods {{path}}', subject, {shell: true})).toBe(`soffice --convert-to ods 'Q1 it'\\''s/budget.xls'`)
    expect(shellQuote('$(reboot).doc')).toBe(`'$(reboot).doc'`)
  })
  it('is used by rule messages of loaded rules', () => {
    const rule = {id: 'a.b', message: '{{name}}'} as LoadedRule
    expect(render(rule.message, caseSubject({software: {name: 'LibreOffice'}}))).toBe('LibreOffice')
  })
})
