import {describe, expect, it} from 'vitest'
import {requiredLiterals, requiredRuns, topLevelBranches} from '../../src/rules/literals.js'

describe('required literals of a regex', () => {
  it('splits top-level alternation only', () => {
    expect(topLevelBranches('a(b|c)d|e[|]f')).toEqual(['a(b|c)d', 'e[|]f'])
  })
  it('keeps literal runs and drops optional characters, groups, classes and escapes that are classes', () => {
    expect(requiredRuns('^Microsoft Office .*2010')).toEqual(['microsoft office ', '2010'])
    expect(requiredRuns('colou?r')).toEqual(['colo', 'r'])
    expect(requiredRuns('ab+c')).toEqual(['ab', 'c'])
    expect(requiredRuns('exchange (server )?201[03]')).toEqual(['exchange ', '201'])
    expect(requiredRuns('\\bsql\\s*server\\b')).toEqual(['sql', 'server'])
    expect(requiredRuns('office\\.com')).toEqual(['office.com'])
  })
  it('does not read escape payloads (\\u0041, \\x41, \\p{L}) as literal text', () => {
    expect(requiredRuns('\\u0041bcd')).toEqual(['bcd'])
    expect(requiredRuns('\\x41zzz\\p{L}yyy')).toEqual(['zzz', 'yyy'])
  })
  it('needs a literal of 3+ characters in every branch, else gives up', () => {
    expect(requiredLiterals('flash player|shockwave')).toEqual(['flash player', 'shockwave'])
    expect(requiredLiterals('flash|.*')).toBeUndefined()
    expect(requiredLiterals('^(a|b)$')).toBeUndefined()
  })
  it('every literal it names really occurs in every match', () => {
    const cases: Array<[string, string[]]> = [
      ['^Microsoft Office .*2010', ['Microsoft Office Professional Plus 2010']],
      ['sql ?server (20(08|12))', ['SQL Server 2012', 'sqlserver 2008']],
      ['internet explorer|\\bmsie ?11\\b', ['Internet Explorer 11', 'MSIE11 update']],
    ]
    for (const [source, samples] of cases) {
      const literals = requiredLiterals(source)!
      expect(literals).toBeDefined()
      for (const s of samples) {
        expect(new RegExp(source, 'i').test(s)).toBe(true)
        expect(literals.some((l) => s.toLowerCase().includes(l)), `${source} on ${s}`).toBe(true)
      }
    }
  })
})
