// A rule's bound without an epoch speaks of the upstream version; with one, Debian's full ordering holds.
import {describe, expect, it} from 'vitest'
import {satisfies} from '../../src/lib/versions.js'

describe('satisfies with epochs', () => {
  it('compares the upstream part when the bound has no epoch', () => {
    expect(satisfies('4:7.4.7-1+deb12u14', '<24.8')).toBe(true)
    expect(satisfies('4:7.4.7-1+deb12u14', '<24.8', 'debian')).toBe(true)
    expect(satisfies('1:25.2.1-1', '<24.8', 'debian')).toBe(false)
  })
  it('keeps the epoch when the bound has one', () => {
    expect(satisfies('4:7.4.7-1', '<1:24.8', 'debian')).toBe(false)
    expect(satisfies('1:7.4.7-1', '<2:1.0', 'debian')).toBe(true)
  })
})
