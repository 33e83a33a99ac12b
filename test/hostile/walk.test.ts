// Walk and per-file budget properties that need the process itself: folders that vanish mid-walk,
// byte-exact names, and budgets that turn a stuck or greedy file into a record while the scan goes on.
import {mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {doc} from '../../fixtures/builders/ole2.js'
import {ooxml} from '../../fixtures/builders/zip.js'
import {rawZip} from '../../fixtures/hostile/zip-raw.js'
import {decodeName, encodeName, hasEscapedBytes} from '../../src/lib/fs-names.js'
import {walk} from '../../src/identify/walk.js'
import {PROBES} from '../../src/probes/index.js'
import {identifyEntry} from '../../src/services/identify.js'

const dirs: string[] = []
async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const x of items) out.push(x)
  return out
}
const tmp = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'passerelle-walk-'))
  dirs.push(d)
  return d
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, {recursive: true, force: true})
})

describe('file names as bytes', () => {
  it('round-trips every name, valid UTF-8 or not', () => {
    const names = [Buffer.from('plain.doc'), Buffer.from('caf\xe9', 'latin1'), Buffer.from([0xff, 0xfe, 0x80]), Buffer.from('\xed\xa0\x80', 'latin1'),
      Buffer.from('\xc0\xaf', 'latin1'), Buffer.from('ok-\u{1F600}-\xe2\x82', 'latin1'), Buffer.from('e\u0301\u{1F600}'), Buffer.from([0xe2, 0x82])]
    for (const raw of names) expect(encodeName(decodeName(raw)).equals(raw), raw.toString('hex')).toBe(true)
    expect(decodeName(Buffer.from('caf\xe9', 'latin1'))).toBe('caf\udce9')
    expect(hasEscapedBytes('caf\udce9')).toBe(true)
    expect(hasEscapedBytes('emoji \u{1F600}')).toBe(false) // a real surrogate pair is not an escaped byte
    expect(decodeName(Buffer.from('\u{1F600}'))).toBe('\u{1F600}')
  })

  it('walks and identifies a file whose name is not UTF-8', async () => {
    const root = tmp()
    const raw = Buffer.from(`${root}/r\xe9sum\xe9.docx`, 'latin1')
    writeFileSync(raw, ooxml('docx'))
    // A plain name inside a folder whose name is not UTF-8: the folder's bytes must reach the opener too.
    mkdirSync(Buffer.from(`${root}/s\xe9rie`, 'latin1'))
    writeFileSync(Buffer.from(`${root}/s\xe9rie/plain.docx`, 'latin1'), ooxml('docx'))
    const entries = []
    for await (const e of walk([root])) entries.push(e)
    expect(entries).toHaveLength(2)
    const inFolder = await identifyEntry(entries[1]!)
    expect(inFolder.relativePath).toBe('s\udce9rie/plain.docx')
    expect(inFolder.error).toBeUndefined()
    expect(inFolder.format).toBe('docx')
    const a = await identifyEntry(entries[0]!)
    expect(a.format).toBe('docx')
    expect(Buffer.from(a.pathBase64!, 'base64').equals(raw)).toBe(true)
    expect(a.relativePath).toBe('r\udce9sum\udce9.docx')
    expect(JSON.stringify(a.path)).toContain('\\udce9') // well-formed JSON escapes, not U+FFFD
  })
})

describe('a root with .. after a symbolic link', () => {
  it('opens what the kernel finds there, not what joining the names gives', async () => {
    const root = tmp()
    mkdirSync(path.join(root, 'a', 'b'), {recursive: true})
    writeFileSync(path.join(root, 'a', 'x.docx'), ooxml('docx'))
    symlinkSync(path.join(root, 'a', 'b'), path.join(root, 'l'))
    const records = []
    for await (const e of walk([path.join(root, 'l') + '/..'])) records.push(await identifyEntry(e))
    expect(records.map((r) => [r.relativePath, r.format, r.error?.code])).toEqual([['x.docx', 'docx', undefined]])
  })
})

describe('a folder that vanishes during the walk', () => {
  it('is reported as vanished and the walk goes on', async () => {
    const root = tmp()
    for (const d of ['a', 'm', 'z']) {
      mkdirSync(path.join(root, d))
      writeFileSync(path.join(root, d, 'f.doc'), doc())
    }
    const seen: Array<{rel: string; code?: string}> = []
    for await (const e of walk([root])) {
      if (seen.length === 0) rmSync(path.join(root, 'm'), {recursive: true})
      seen.push({rel: e.relativePath, code: e.problem?.code})
    }
    expect(seen).toEqual([{rel: 'a/f.doc', code: undefined}, {rel: 'm', code: 'ENOENT'}, {rel: 'z/f.doc', code: undefined}])
  })

  it('a file deleted between the walk and the read gets a record with ENOENT', async () => {
    const root = tmp()
    writeFileSync(path.join(root, 'gone.doc'), doc())
    const [entry] = await all(walk([root]))
    rmSync(path.join(root, 'gone.doc'))
    expect((await identifyEntry(entry!)).error?.code).toBe('ENOENT')
  })

  it('a file swapped for a FIFO after the walk is not read (no hang)', async () => {
    const root = tmp()
    const file = path.join(root, 'swap.doc')
    writeFileSync(file, doc())
    const [entry] = await all(walk([root]))
    rmSync(file)
    const {spawnSync} = await import('node:child_process')
    spawnSync('mkfifo', [file])
    expect((await identifyEntry(entry!)).error?.code).toBe('not-regular')
  })
})

describe('per-file budgets', () => {
  it('a file over the byte budget gets budget-exceeded and keeps its signature format', async () => {
    const root = tmp()
    const types = '<Types><Override ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    writeFileSync(path.join(root, 'big.docx'), rawZip([{name: '[Content_Types].xml', data: Buffer.from(types + ' '.repeat(100_000))}]).bytes)
    const [entry] = await all(walk([root]))
    const a = await identifyEntry(entry!, {fileBytes: 50_000})
    expect(a.error?.code).toBe('budget-exceeded')
    expect(a.format).toBe('zip')
    expect((await identifyEntry(entry!)).format).toBe('docx') // the default budget reads it
  })

  it('a probe that never returns costs the time budget, not the scan', async () => {
    const root = tmp()
    writeFileSync(path.join(root, 'stuck.doc'), doc())
    writeFileSync(path.join(root, 'greedy.doc'), doc())
    const stuck = {name: 'stuck', applies: (i: any) => i.source.path.endsWith('stuck.doc'), run: () => new Promise<never>(() => {})}
    // This one keeps reading: the source's deadline stops it, and the probe's failure becomes a warning.
    const greedy = {name: 'greedy', applies: (i: any) => i.source.path.endsWith('greedy.doc'), run: async (i: any) => {
      for (;;) await i.source.read(0, 512)
    }}
    PROBES.push(stuck, greedy)
    try {
      const entries = await all(walk([root]))
      const started = Date.now()
      const [g, s] = await Promise.all(entries.map((e) => identifyEntry(e, {fileTimeout: 300})))
      expect(Date.now() - started).toBeLessThan(5000)
      expect(s!.error?.code).toBe('budget-exceeded')
      expect(g!.format).toBe('doc')
      expect(g!.warnings.join(' ')).toMatch(/probe greedy failed: .*time budget/)
    } finally {
      PROBES.splice(PROBES.indexOf(stuck), 2)
    }
  })
})
