// Hostile inventory exports: each is read to the end or refused with an InventoryError naming the file;
// never a crash (TypeError, RangeError…), never a hang, no entity expanded, nothing fetched or read.
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {hostileExports} from '../../fixtures/hostile/inventory.js'
import {readInventory} from '../../src/inventory/read.js'
import {InventoryError, type Warning} from '../../src/inventory/reader.js'
import type {Software} from '../../src/model.js'
import {type Canary, startCanary} from './support.js'

let canary: Canary
let dir: string
let files: Record<string, string>

beforeAll(async () => {
  canary = await startCanary()
  dir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-hostile-inventory-'))
  const outside = path.join(dir, 'outside')
  mkdirSync(outside)
  writeFileSync(path.join(outside, 'canary.txt'), 'If Passerelle read this, an export made it read a file.\n')
  files = {}
  for (const [name, bytes] of Object.entries(hostileExports({port: canary.port, outside}))) writeFileSync((files[name] = path.join(dir, name)), bytes)
})
afterAll(async () => {
  await canary.close()
  rmSync(dir, {recursive: true, force: true})
})

async function readAll(file: string): Promise<{rows: Software[]; warnings: Warning[]; error?: unknown}> {
  const rows: Software[] = []
  const warnings: Warning[] = []
  try {
    for await (const s of readInventory(file, (w) => warnings.push(w))) rows.push(s)
    return {rows, warnings}
  } catch (error) {
    return {rows, warnings, error}
  }
}

describe('hostile inventory exports', () => {
  for (const name of Object.keys(hostileExports({port: 1, outside: '/x'}))) {
    it(`${name}: read or refused by name, bounded, nothing expanded or fetched`, async () => {
      const started = Date.now()
      const {rows, error} = await readAll(files[name]!)
      expect(Date.now() - started, 'no hang').toBeLessThan(20_000)
      if (error) {
        expect(error, String((error as Error).stack)).toBeInstanceOf(InventoryError)
        expect((error as Error).message).toContain(name)
      }
      const text = JSON.stringify(rows)
      expect(text).not.toContain('If Passerelle read this')
      expect(text).not.toMatch(/a{1000}/) // a billion-laughs expansion
      expect(canary.hits).toEqual([])
    }, 30_000)
  }
})
