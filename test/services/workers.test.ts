// The worker-thread pool gives the same records as identification on the main thread, one per file.
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {compoundFile} from '../../fixtures/builders/ole2.js'
import {estateFiles} from '../../fixtures/build.js'
import type {Artifact} from '../../src/model.js'
import {ndjsonLine, type PrintedRecords} from '../../src/report/artifacts.js'
import {identifyPrinted, identifyRoots} from '../../src/services/identify.js'

let root: string
beforeAll(() => {
  // More files than the warm-up the pool does on the main thread (256), so workers really start.
  root = mkdtempSync(path.join(tmpdir(), 'passerelle-workers-'))
  for (let copy = 0; copy < 20; copy++) {
    for (const [rel, bytes] of Object.entries(estateFiles())) {
      const file = path.join(root, `copy${copy}`, rel)
      mkdirSync(path.dirname(file), {recursive: true})
      writeFileSync(file, bytes)
    }
  }
})
afterAll(() => rmSync(root, {recursive: true, force: true}))

const collect = async (workers: number) => {
  const out: Artifact[] = []
  for await (const a of identifyRoots([root], {workers, probes: true})) out.push(a)
  return out.sort((a, b) => a.relativePath.localeCompare(b.relativePath))
}

describe('identify in worker threads', () => {
  it('gives every file exactly one record, the same as on the main thread', async () => {
    const inline = await collect(0)
    const pooled = await collect(2)
    expect(pooled).toHaveLength(20 * Object.keys(estateFiles()).length)
    expect(pooled.map((a) => a.relativePath)).toEqual(inline.map((a) => a.relativePath))
    expect(pooled.map((a) => [a.format, a.features.map((f) => f.id), a.error?.code])).toEqual(inline.map((a) => [a.format, a.features.map((f) => f.id), a.error?.code]))
    expect(pooled.filter((a) => a.error)).toEqual([])
  }, 60_000)

  it('prints in the workers (identifyPrinted) the very lines the main thread prints from the artifacts', async () => {
    const printed: PrintedRecords[] = []
    for await (const batch of identifyPrinted([root], {workers: 2, probes: true})) printed.push(batch)
    const inline = await collect(0)
    const lines = printed.flatMap((b) => b.text.split('\n').filter(Boolean).map((l) => `${l}\n`))
    expect(lines.sort()).toEqual(inline.map(ndjsonLine).sort())
    expect(printed.length).toBeLessThan(lines.length) // in batches
    // Each batch counts its own lines, in order.
    for (const b of printed) expect(b.records.map((r) => r.format)).toEqual(b.text.split('\n').filter(Boolean).map((l) => JSON.parse(l).format))
    expect(printed.flatMap((b) => b.records).every((r) => r.error === undefined)).toBe(true)
  }, 60_000)
})

// A file whose probe keeps a worker busy far past the per-file budget (the default-password check on an
// agile-encrypted package claiming 1,000,000 SHA-384 rounds, hashed by node:crypto: legal, and over a
// second) must not hold the scan:
// the watchdog ends that worker, the file gets budget-exceeded, and every other file still gets a record.
describe('the worker watchdog', () => {
  let slowRoot: string
  beforeAll(() => {
    slowRoot = mkdtempSync(path.join(tmpdir(), 'passerelle-watchdog-'))
    for (let i = 0; i < 300; i++) writeFileSync(path.join(slowRoot, `note-${String(i).padStart(3, '0')}.txt`), `plain note ${i}\n`)
    const b64 = (n: number) => Buffer.alloc(n, 1).toString('base64')
    const xml = `<?xml version="1.0" encoding="UTF-8"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password">` +
      `<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="${b64(16)}"/>` +
      `<keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password"><p:encryptedKey spinCount="1000000" saltSize="16" blockSize="16" keyBits="256" hashSize="48" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA384" saltValue="${b64(16)}" encryptedVerifierHashInput="${b64(16)}" encryptedVerifierHashValue="${b64(64)}" encryptedKeyValue="${b64(32)}"/></keyEncryptor></keyEncryptors></encryption>`
    const info = Buffer.concat([Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]), Buffer.from(xml)])
    writeFileSync(path.join(slowRoot, 'slow.xlsx'), compoundFile({EncryptionInfo: info, EncryptedPackage: Buffer.alloc(4096, 7)}))
  })
  afterAll(() => rmSync(slowRoot, {recursive: true, force: true}))

  it('ends a worker stuck on one file, records that file as budget-exceeded, and finishes the others', async () => {
    const out: Artifact[] = []
    const started = Date.now()
    for await (const a of identifyRoots([slowRoot], {workers: 2, probes: true, fileTimeout: 100})) out.push(a)
    expect(out).toHaveLength(301)
    expect(new Set(out.map((a) => a.relativePath)).size).toBe(301)
    const slow = out.find((a) => a.relativePath === 'slow.xlsx')!
    expect(slow.error?.code).toBe('budget-exceeded')
    expect(out.filter((a) => a.error)).toHaveLength(1)
    expect(out.filter((a) => a.format === 'txt')).toHaveLength(300)
    expect(Date.now() - started).toBeLessThan(20_000)
    // The same when the workers print the records: the stuck file's record is printed here.
    const printed: PrintedRecords[] = []
    for await (const batch of identifyPrinted([slowRoot], {workers: 2, probes: true, fileTimeout: 100})) printed.push(batch)
    const lines = printed.flatMap((b) => b.text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Artifact))
    expect(lines).toHaveLength(301)
    expect(printed.flatMap((b) => b.records)).toHaveLength(301)
    expect(lines.filter((a) => a.error).map((a) => [a.path.endsWith('slow.xlsx'), a.error!.code])).toEqual([[true, 'budget-exceeded']])
  }, 60_000)
})
