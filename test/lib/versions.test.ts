// Every version string of the reference's version section (inventory-formats.md §4), parsed under the
// scheme its export implies, plus comparison and range satisfaction where semver.coerce goes wrong.
import {describe, expect, it} from 'vitest'
import {compare, detectScheme, isComparable, parseVersion, satisfies} from '../../src/lib/versions.js'

// [raw, scheme, expected parts, epoch?]: the parts keep the 4th component and survive leading zeros.
const REFERENCE: Array<[string, string, number[], number?]> = [
  ['14.0.7015.1000', 'dotted', [14, 0, 7015, 1000]], ['5.09', 'dotted', [5, 9]], ['10.53.6000.34', 'dotted', [10, 53, 6000, 34]],
  ['2.4.x-build-26', 'dotted', [2, 4]], ['20090308.140743', 'dotted', [20090308, 140743]], ['2.0.0.23 (en-US)', 'dotted', [2, 0, 0, 23]],
  ['9.00.175', 'dotted', [9, 0, 175]], ['10.1.2.3.0', 'dotted', [10, 1, 2, 3, 0]], ['11', 'dotted', [11]], ['22.01', 'dotted', [22, 1]],
  ['112.0.5615.138', 'dotted', [112, 0, 5615, 138]], ['2.00.0001', 'dotted', [2, 0, 1]], ['16.0.16227.20280', 'dotted', [16, 0, 16227, 20280]],
  ['14.32.31326.0', 'dotted', [14, 32, 31326, 0]], ['3.11.3150.0', 'dotted', [3, 11, 3150, 0]], ['8.2.0-0', 'dotted', [8, 2, 0]],
  ['0.78.0.0', 'dotted', [0, 78, 0, 0]], ['24.002.20687', 'dotted', [24, 2, 20687]], ['24.065.0331', 'dotted', [24, 65, 331]],
  ['111.0.5563.110', 'dotted', [111, 0, 5563, 110]], ['9.0 (20100905.m.9093)', 'dotted', [9, 0]], ['2.8.14p2', 'dotted', [2, 8, 14]],
  ['EnzymeX 3.1', 'dotted', [3, 1]], ['R 3.1.3 GUI 1.65 Mavericks build', 'dotted', [3, 1, 3]], ['8_Update_1', 'dotted', [8]],
  ['1 . 2 . 2', 'dotted', [1, 2, 2]], ['ESTK CS5 3.5.0.52', 'dotted', [3, 5, 0, 52]], ['4.9.01.0180', 'dotted', [4, 9, 1, 180]],
  ['1.2.4 (v554)', 'dotted', [1, 2, 4]], ['3.112+nmu2', 'debian', [3, 112]], ['9100h-6', 'debian', [9100]], ['0.8.10.3+squeeze1', 'debian', [0, 8, 10, 3]],
  ['1:2.8.2-1ubuntu1', 'debian', [2, 8, 2], 1], ['1:1.2.11.dfsg-0ubuntu2', 'debian', [1, 2, 11], 1], ['0.0~r131-2ubuntu3', 'debian', [0, 0]],
  ['5.1.1alpha+20120614-2+b3', 'debian', [5, 1, 1]], ['237-3ubuntu10.3', 'debian', [237]], ['6.1-1ubuntu1.18.04', 'debian', [6, 1]],
  ['1.32-2.fc31', 'rpm', [1, 32]], ['1.02.136-3.fc25', 'rpm', [1, 2, 136]], ['0-0.17.20170105git.fc25', 'rpm', [0]],
  ['00f97f56-467e318a', 'rpm', [0]], ['2.5.1.26351.0-3.mga2', 'rpm', [2, 5, 1, 26351, 0]], ['2.10-lp153.17.3', 'rpm', [2, 10]],
  ['6.20.00-4.15.1', 'rpm', [6, 20, 0]], ['4.2.8p15-4.13.1', 'rpm', [4, 2, 8]], ['0.9.5+git20190908+3abfab2-5.3', 'rpm', [0, 9, 5]],
  ['2.11.0.20241024', 'dotted', [2, 11, 0, 20241024]], ['24.1.1.11641', 'dotted', [24, 1, 1, 11641]], ['8.00.528.00; SP1+', 'dotted', [8, 0, 528, 0]],
  ['5.9p1 Debian 5ubuntu1', 'dotted', [5, 9]], ['dev-laravel_11_compatibility', 'semver', []], ['6.x-dev', 'semver', [6]],
  ['16.0.4266.1001', 'dotted', [16, 0, 4266, 1001]], ['2019', 'year', [2019]], ['11.0.9600.19180', 'dotted', [11, 0, 9600, 19180]],
  ['2.4.57-1+deb12u1', 'debian', [2, 4, 57]], ['1:7.4.7-1', 'debian', [7, 4, 7], 1], ['v3.2 build 1234', 'dotted', [3, 2]], ['DC 23.001.20093', 'dotted', [23, 1, 20093]],
]

describe('versions', () => {
  it.each(REFERENCE)('parses %s (%s)', (raw, scheme, parts, epoch = 0) => {
    const v = parseVersion(raw, scheme)
    expect(v.parts).toEqual(parts)
    expect(v.epoch).toBe(epoch)
  })

  it('keeps the 4th part that semver.coerce drops', () => {
    expect(compare('11.0.9600.19180', '11.0.9600.17041')).toBeGreaterThan(0)
    expect(compare('16.0.4266.1001', '16.0.16227.20280')).toBeLessThan(0)
    expect(compare('2.11.0.20241024', '2.11.0.20220101')).toBeGreaterThan(0)
    expect(satisfies('14.0.7015.1000', '>=14.0.7015.1000, <14.0.7016')).toBe(true)
    expect(satisfies('14.0.7015.999', '>=14.0.7015.1000')).toBe(false)
  })

  it('reads leading zeros as numbers (Acrobat DC tracks, 7-Zip, Cisco)', () => {
    expect(compare('24.002.20687', '24.2.20687')).toBe(0)
    expect(compare('DC 23.001.20093', '23.001.20174')).toBeLessThan(0)
    expect(satisfies('24.002.20687', '<24.002.20736')).toBe(true)
    expect(compare('22.01', '22.1')).toBe(0)
    expect(compare('5.09', '5.10')).toBeLessThan(0)
  })

  it('handles ranges: and, or, ^, ~ and 15.x', () => {
    expect(satisfies('15.0.4569.1506', '>=15.0, <15.1 || >16')).toBe(true)
    expect(satisfies('15.1', '>=15.0, <15.1 || >16')).toBe(false)
    expect(satisfies('16.0.4266.1001', '>=15.0, <15.1 || >16')).toBe(true)
    expect(satisfies('6.2.1', '^6.0.0', 'semver')).toBe(true)
    expect(satisfies('7.0.0', '^6.0.0', 'semver')).toBe(false)
    expect(satisfies('1.2.9', '~1.2.3')).toBe(true)
    expect(satisfies('1.3.0', '~1.2.3')).toBe(false)
    expect(satisfies('15.3.2', '15.x')).toBe(true)
    expect(satisfies('16.0', '15.x')).toBe(false)
    expect(satisfies('2.5', '>=2.0 <3.0')).toBe(true)
    expect(() => satisfies('1.0', '>=', 'dotted')).toThrow(/bad version constraint/)
    expect(() => satisfies('1.0', '>=1', 'mystery')).toThrow(/unknown version scheme/)
  })

  it('compares Debian versions as dpkg does: epoch first, ~ before the end, revision last', () => {
    expect(compare('1:2.8.2-1ubuntu1', '2.9-1', 'debian')).toBeGreaterThan(0)
    expect(compare('1.0~rc1-1', '1.0-1', 'debian')).toBeLessThan(0)
    expect(compare('0.0~r131-2ubuntu3', '0.0-1', 'debian')).toBeLessThan(0)
    expect(compare('2.4.57-1+deb12u1', '2.4.57-1', 'debian')).toBeGreaterThan(0)
    expect(satisfies('2.4.57-1+deb12u1', '>=2.4.0', 'debian')).toBe(true)
    // a bound without an epoch compares upstream versions; with one, the epoch counts
    expect(satisfies('4:7.4.7-1+deb12u14', '<24.8', 'debian')).toBe(true)
    expect(satisfies('4:7.4.7-1+deb12u14', '<24.8')).toBe(true)
    expect(satisfies('4:7.4.7-1', '>3:24.8', 'debian')).toBe(true)
    expect(compare('3.112+nmu2', '3.112', 'debian')).toBeGreaterThan(0)
    expect(compare('5.1.1alpha+20120614-2+b3', '5.1.1alpha+20120614-2', 'debian')).toBeGreaterThan(0)
    expect(compare('9100h-6', '9100-6', 'debian')).toBeGreaterThan(0)
  })

  it('compares RPM EVRs as rpmvercmp does', () => {
    expect(compare('1.02.136-3.fc25', '1.2.136-3.fc25', 'rpm')).toBe(0)
    expect(compare('4.2.8p15-4.13.1', '4.2.8-4.13.1', 'rpm')).toBeGreaterThan(0)
    expect(compare('1:1.0-1', '2.0-1', 'rpm')).toBeGreaterThan(0)
    expect(compare('1.0~rc1-1', '1.0-1', 'rpm')).toBeLessThan(0)
    expect(compare('2.10-lp153.17.3', '2.9-lp153.1', 'rpm')).toBeGreaterThan(0)
    expect(compare('6.20.00-4.15.1', '6.20-1', 'rpm')).toBeGreaterThan(0)
    expect(satisfies('2.4.43-3.1', '<2.4.51', 'rpm')).toBe(true)
  })

  it('orders qualifiers: beta before release, p1 and builds after', () => {
    expect(compare('2.8.14p2', '2.8.14')).toBeGreaterThan(0)
    expect(compare('2.8.14p2', '2.8.14p10')).toBeLessThan(0)
    expect(compare('3.0 beta', '3.0')).toBeLessThan(0)
    expect(compare('v3.2 build 1234', 'v3.2 build 1300')).toBeLessThan(0)
    expect(compare('1.0.0-beta.2', '1.0.0', 'semver')).toBeLessThan(0)
  })

  it('never matches what is not a version', () => {
    for (const v of ['', 'Latest', 'dev-laravel_11_compatibility']) expect(isComparable(v)).toBe(false)
    expect(satisfies('Latest', '<99')).toBe(false)
    expect(satisfies('dev-main', '>=0', 'semver')).toBe(false)
  })

  it('guesses the scheme of a bare string', () => {
    expect(detectScheme('2019')).toBe('year')
    expect(detectScheme('^6.7.2')).toBe('range')
    expect(detectScheme('1.2.3')).toBe('semver')
    expect(detectScheme('24.002.20687')).toBe('dotted')
    expect(detectScheme('16.0.4266.1001')).toBe('dotted')
  })

  it('keeps the old two-argument calls working', () => {
    expect(compare('1.2', '1.10')).toBeLessThan(0)
    expect(satisfies('14.0.7015.1000', '<15')).toBe(true)
  })
})
