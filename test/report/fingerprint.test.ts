import {describe, expect, it} from 'vitest'
import {fingerprint} from '../../src/report/fingerprint.js'

const art = (path: string, relativePath: string) => ({kind: 'artifact' as const, path, relativePath, format: 'doc'})

describe('fingerprint', () => {
  it('is the same for the same file under another mount point', () => {
    expect(fingerprint('r.x', art('/mnt/a/fin/x.doc', 'fin/x.doc'))).toBe(fingerprint('r.x', art('/srv/b/fin/x.doc', 'fin/x.doc')))
  })
  it('differs for another file, another rule or another kind', () => {
    const base = fingerprint('r.x', art('/a/x.doc', 'x.doc'))
    expect(fingerprint('r.x', art('/a/y.doc', 'y.doc'))).not.toBe(base)
    expect(fingerprint('r.y', art('/a/x.doc', 'x.doc'))).not.toBe(base)
  })
  it('keys software by host, product and version, case-insensitively', () => {
    const sw = (host: string, version: string) => ({kind: 'software' as const, host, name: 'Office', vendor: 'Microsoft', version, source: {file: 'f', reader: 'r'}})
    expect(fingerprint('r', sw('PC-1', '14.0'))).toBe(fingerprint('r', sw('pc-1', '14.0')))
    expect(fingerprint('r', sw('PC-1', '14.0'))).not.toBe(fingerprint('r', sw('PC-1', '16.0')))
  })
})
