import {mkdtempSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {chooseReader, readInventory} from '../../src/inventory/read.js'
import type {Software} from '../../src/model.js'
import {EXPORT} from '../support/paths.js'

async function all(file: string): Promise<Software[]> {
  const out: Software[] = []
  for await (const s of readInventory(file, () => {})) out.push(s)
  return out
}

describe('powershell-uninstall-csv', () => {
  it('reads the sample export, skipping rows without a DisplayName, with hosts and lines', async () => {
    const rows = await all(EXPORT)
    expect(rows).toHaveLength(5)
    expect(rows[0]).toMatchObject({host: 'PC-FIN-01', name: 'Microsoft Office Professional Plus 2010', version: '14.0.7015.1000', vendor: 'Microsoft', vendorRaw: 'Microsoft Corporation', product: 'microsoft:office', versionScheme: 'dotted'})
    expect(rows[0]!.source).toMatchObject({reader: 'powershell-uninstall-csv', line: 3})
    expect(rows[4]!.host).toBe('PC-RH-02')
  })

  it('reads UTF-16LE with BOM, `;` and another column order', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-inv-'))
    const file = path.join(dir, 'fr.csv')
    const text = '"Publisher";"DisplayVersion";"DisplayName"\r\n"Société Générale";"1.0";"Outil comptabilité"\r\n'
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))
    const rows = await all(file)
    expect(rows).toEqual([expect.objectContaining({name: 'Outil comptabilité', vendor: 'Société Générale', version: '1.0'})])
  })

  it('refuses an export no reader accepts, naming the file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-inv-'))
    const file = path.join(dir, 'mystery.bin')
    writeFileSync(file, 'nothing to see here\n')
    await expect(chooseReader(file)).rejects.toThrow(`no reader accepts ${file}`)
  })
})
