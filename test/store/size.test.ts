// A million findings streamed into the embedded store: memory must stay flat (the recorder holds one batch).
import Database from 'better-sqlite3'
import {mkdtempSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {recordGenerated} from '../../scripts/bench-store.js'
import {openStore} from '../../src/store/open.js'

describe('store size', () => {
  it('records 1,000,000 generated findings in bounded memory', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'passerelle-size-')), 'big.sqlite')
    const r = await recordGenerated(file, 1_000_000)
    console.log(`1M findings into SQLite: ${r.perSecond} records/s, RSS growth ${r.rssGrowthMiB} MiB, peak ${r.peakRssMiB} MiB`)
    expect(r.rssGrowthMiB).toBeLessThan(200)
    const store = await openStore(file)
    const [run] = await store.runs()
    expect(run).toMatchObject({findings: 1_000_000, status: 'complete'})
    await store.close()
    const db = new Database(file, {readonly: true})
    expect(db.prepare('SELECT count(*) AS n FROM run_findings').get()).toEqual({n: 1_000_000})
    db.close()
  }, 600_000)
})
