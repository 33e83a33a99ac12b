import {describe, expect, it} from 'vitest'
import type {Artifact, ContentFindings} from '../../src/model.js'
import {artifactRecord, byPath, ndjsonLine, recalledArtifact} from '../../src/report/artifacts.js'

const base = (path: string, size: number): Artifact => ({
  path, root: '/r', relativePath: path.slice(3), size, extension: 'xls', format: 'unknown', basis: [], extensionMismatch: false, features: [], warnings: [],
})
const known: ContentFindings = Object.freeze({
  format: 'xls', puid: 'fmt/61', mime: 'application/vnd.ms-excel', basis: ['OLE2 Workbook stream'], extensionMismatch: false,
  features: [{id: 'vba-macros', evidence: 'VBA project "é\\"quoted"'}], application: 'Microsoft Excel', metadata: {application: 'Microsoft Excel', applicationVersion: '16.0'}, warnings: ['w'],
})
const full = (a: Artifact) => `${JSON.stringify(artifactRecord(a))}\n`

describe('ndjsonLine', () => {
  it('prints copies whose findings were recalled exactly as a full serialisation, path and size their own', () => {
    const copies = [recalledArtifact(base('/r/a/book.xls', 100), known), recalledArtifact(base('/r/b/"odd" name\n.xls', 100), known), recalledArtifact({...base('/r/c\udc80.xls', 100), pathBase64: 'L3IvY4AueGxz'}, known)]
    for (const a of copies) expect(ndjsonLine(a)).toBe(full(a))
    expect(JSON.parse(ndjsonLine(copies[1]!)).path).toBe('/r/b/"odd" name\n.xls')
  })

  it('serialises in full a recalled record whose findings were changed afterwards', () => {
    const a = recalledArtifact(base('/r/a/book.xls', 100), known)
    ndjsonLine(a) // caches the text of the recalled fields
    const changed = {...a, features: [...a.features, {id: 'external-links', evidence: 'added later'}]}
    expect(ndjsonLine(changed)).toBe(full(changed))
    expect(ndjsonLine(changed)).toContain('external-links')
    const failed = {...a, error: {code: 'EIO', message: 'gone'}}
    expect(ndjsonLine(failed)).toContain('"error"')
  })
})

describe('byPath', () => {
  it('orders records by path whatever order they were identified in, and leaves its input alone', () => {
    const done = [base('/r/b/x.xls', 1), base('/r/a/z.xls', 2), base('/r/a/y.xls', 3), base('/r/B.xls', 4)]
    expect(byPath(done).map((a) => a.path)).toEqual(['/r/B.xls', '/r/a/y.xls', '/r/a/z.xls', '/r/b/x.xls'])
    expect(done[0]!.path).toBe('/r/b/x.xls')
  })
})
