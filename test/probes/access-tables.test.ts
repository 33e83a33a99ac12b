// Access system tables: linked tables (MSysObjects) and queries on other databases or ODBC sources
// (MSysQueries), read from the few pages those tables own; damaged tables fall back to a byte search.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {bufferSource} from '../../src/containers/source.js'
import {JetDatabase} from '../../src/containers/jet.js'
import {identify} from '../../src/identify/identify.js'
import {probe} from '../../src/probes/index.js'
import {jetDatabase} from '../support/jet-builder.js'
import {probeBytes} from '../support/inspect.js'
import {CORPUS, HAS_CORPUS} from '../support/paths.js'

const LONG_DSN = `ODBC;DRIVER={SQL Server};SERVER=sql01.corp.example;DATABASE=finance;UID=app;PWD=s3cret;${'X'.repeat(300)}`

describe('Access system tables', () => {
  it('reports a table linked to another database, with its path', async () => {
    const db = jetDatabase([{Id: 10, Type: 1, Name: 'Orders'}, {Id: 11, Type: 6, Name: 'Customers', Database: '\\\\files\\sales\\crm.accdb'}], [])
    const r = await probeBytes(db, 'db.mdb')
    expect(r.ids).toEqual(['external-links'])
    expect(r.evidence['external-links']).toBe('linked table Customers → \\\\files\\sales\\crm.accdb')
    expect(r.warnings).toEqual([])
  })
  it('reports an ODBC-linked table whose connect string sits on a long-value page, password hidden', async () => {
    const db = jetDatabase([{Id: 12, Type: 4, Name: 'Ledger', Connect: {lval: LONG_DSN}}], [])
    const r = await probeBytes(db, 'db.mdb')
    expect(r.ids).toEqual(['data-connections', 'external-links'])
    expect(r.evidence['data-connections']).toContain('SERVER=sql01.corp.example')
    expect(JSON.stringify(r.evidence)).not.toContain('s3cret')
  })
  it('reports pass-through queries and queries that read another database; local queries are silent', async () => {
    const passThrough = jetDatabase([], [{ObjectId: 20, Attribute: 1, Flag: 8, Name1: 'ODBC;DSN=warehouse'}])
    expect((await probeBytes(passThrough, 'db.mdb')).evidence['data-connections']).toBe('pass-through query: ODBC;DSN=warehouse')
    const remote = jetDatabase([], [{ObjectId: 21, Attribute: 1, Flag: 1}, {ObjectId: 21, Attribute: 4, Name1: 'C:\\archive\\2019.mdb'}])
    expect((await probeBytes(remote, 'db.mdb')).ids).toEqual(['external-links'])
    // An append query names its local target table in Name1 of its type row: not a connection.
    const local = jetDatabase([{Id: 10, Type: 1, Name: 'Orders'}], [{ObjectId: 22, Attribute: 1, Flag: 3, Name1: 'Orders'}])
    expect((await probeBytes(local, 'db.mdb')).ids).toEqual([])
  })
  it('reads only the pages of the system tables', async () => {
    const db = Buffer.concat([jetDatabase([{Id: 11, Type: 6, Name: 'Customers', Database: 'C:\\crm.mdb'}], []), Buffer.alloc(4096 * 200)])
    const source = bufferSource('db.mdb', db)
    let read = 0
    const inner = source.read.bind(source)
    source.read = async (offset, length) => {
      read += length
      return inner(offset, length)
    }
    const id = await identify(source, 'mdb', {})
    expect((await probe(id.inspection, {})).features.map((f) => f.id)).toEqual(['external-links'])
    expect(read).toBeLessThanOrEqual(8 * 4096)
  })
  it('falls back to searching the bytes, with a warning, when the system tables are damaged', async () => {
    const db = jetDatabase([{Id: 12, Type: 4, Name: 'Ledger', Connect: 'ODBC;DSN=warehouse'}], [])
    db.fill(0, 2 * 4096, 3 * 4096) // MSysObjects' definition page
    const r = await probeBytes(db, 'db.mdb')
    expect(r.ids).toEqual(['data-connections', 'external-links'])
    expect(r.warnings[0]).toMatch(/system tables unreadable \(page 2 is not a table definition\)/)
  })
  it('refuses loops in table definition pages and memo chains', async () => {
    const db = jetDatabase([], [])
    db.writeUInt32LE(2, 2 * 4096 + 4) // MSysObjects' definition continues on itself
    await expect(new JetDatabase(bufferSource('db.mdb', db)).table(2)).rejects.toThrow(/loop/)
  })
  it.skipIf(!HAS_CORPUS)('decodes the corpus databases: linked tables, ODBC links and pass-through queries', async () => {
    const probeFile = (name: string) => probeBytes(readFileSync(path.join(CORPUS, 'documents', name)), name)
    expect((await probeFile('linkerTestV2007.accdb')).evidence['external-links']).toBe('linked table Table2 → Z:\\jackcess_test\\linkeeTest.accdb')
    const odbc = await probeFile('odbcLinkerTestV2007.accdb')
    expect(odbc.evidence['data-connections']).toMatch(/^linked table Ordrar: DSN=Magnapinna;.*PWD=\*\*\*/)
    expect((await probeFile('queryTestV2000.mdb')).evidence['data-connections']).toBe('pass-through query: ODBC;')
    for (const plain of ['testV1997.mdb', 'test2V2003.mdb', 'calcFieldTestV2010.accdb']) expect(await probeFile(plain)).toMatchObject({ids: [], warnings: []})
  })
})
