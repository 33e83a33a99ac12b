// `passerelle inventory` as an admin runs it, and the README table that documents every reader.
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {readers} from '../../src/inventory/read.js'
import {cli} from '../support/cli.js'
import {EXPORT, PROJECT} from '../support/paths.js'

describe('passerelle inventory', () => {
  it('prints normalised rows as NDJSON and CSV', () => {
    const nd = cli(['inventory', EXPORT, '-f', 'ndjson'])
    expect(nd.status, nd.stderr).toBe(0)
    const rows = nd.stdout.trim().split('\n').map((l) => JSON.parse(l))
    expect(rows[0]).toMatchObject({host: 'PC-FIN-01', product: 'microsoft:office', vendor: 'Microsoft', versionScheme: 'dotted', source: {reader: 'powershell-uninstall-csv'}})
    const csv = cli(['inventory', EXPORT, '-f', 'csv'])
    expect(csv.stdout.split('\n')[0]).toBe('host,name,version,vendor,product,kind,versionScheme,reader,line')
  })

  it('reads any CSV with --map, and fails with exit 2 naming an export no reader accepts', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-cmd-inv-'))
    const csv = path.join(dir, 'snipe.csv')
    writeFileSync(csv, 'Item name,manufacturer,Asset\nMicrosoft Project 2019,Microsoft,PC-4\n')
    const mapped = cli(['inventory', csv, '--map', 'name=Item name,vendor=manufacturer,host=Asset', '-f', 'ndjson'])
    expect(mapped.status, mapped.stderr).toBe(0)
    expect(JSON.parse(mapped.stdout)).toMatchObject({host: 'PC-4', product: 'microsoft:project'})
    const bad = cli(['inventory', csv, '--map', 'nom=Item name'])
    expect(bad.status).toBe(2)
    expect(bad.stderr).toMatch(/--map: unknown field "nom"/)
    const unknown = path.join(dir, 'letter.txt')
    writeFileSync(unknown, 'Bonjour,\nvoici la liste.\n')
    const r = cli(['inventory', unknown])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain(`no reader accepts ${unknown}; closest: `)
    expect(r.stdout).toBe('')
  })

  it('the README lists every reader with the command that produces its export', async () => {
    const readme = readFileSync(path.join(PROJECT, 'README.md'), 'utf8')
    const section = readme.slice(readme.indexOf('## Inventory exports'), readme.indexOf('## Reports'))
    for (const r of await readers()) {
      expect(r.produce, r.name).toBeTruthy()
      expect(section, r.name).toContain(`| \`${r.name}\` |`)
    }
  })
})
