// The Jira CSV export: importer conventions (Summary header, repeated Labels), formula cells defused.
import {parse} from 'csv-parse/sync'
import {mkdtempSync, readFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {csvCell} from '../../src/tickets/jira-csv.js'
import {cli} from '../support/cli.js'
import {finding, writeResult} from './support/results.js'

describe('tickets export --to jira-csv', () => {
  it('writes one row per finding group with Summary, Labels and Fingerprint columns, suppressed findings left out', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-jira-'))
    const result = writeResult(path.join(dir, 'r.json'), [
      finding('office.legacy-word-binary', 'letters/a.doc'), finding('office.legacy-word-binary', 'letters/b.doc'),
      finding('eos.flash-player', 'host:PC-FIN-01'),
      finding('office.vba-macros', 'hr/w.docm', {suppression: {reason: 'kept for the archive', source: '.passerelle-ignore.yaml:1'}}),
    ])
    const out = path.join(dir, 'issues.csv')
    const r = cli(['tickets', 'export', result, '--to', 'jira-csv', '-o', out])
    expect(r.status).toBe(0)
    const rows: string[][] = parse(readFileSync(out, 'utf8'), {relax_column_count: false})
    expect(rows[0]).toEqual(['Summary', 'Issue Type', 'Priority', 'Description', 'Labels', 'Labels', 'Labels', 'Fingerprint'])
    expect(rows).toHaveLength(3)
    expect(rows[1]![0]).toBe('[Passerelle] Word 97-2003 binary document: 2 files under letters/')
    expect(rows[1]![2]).toBe('Medium')
    expect(rows[2]![2]).toBe('Highest')
    expect(rows[2]![7]).toBe('9a0b5c38293f3d74a06b29c7b397f5cc8cef716e1911785fb2042f80d70c7593')
    expect(rows[2]![6]).toBe('pf-9a0b5c38293f')
    expect(rows[1]![3]).toContain('- letters/a.doc\n- letters/b.doc')
  })

  it('defuses cells a spreadsheet would evaluate and quotes separators', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvCell('-2+3')).toBe("'-2+3")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('plain')).toBe('plain')
  })
})
