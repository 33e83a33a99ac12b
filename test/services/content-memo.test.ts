// Copies of one file reuse its findings; anything that differs by a byte, or by extension, does not.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {randomBytes} from 'node:crypto'
import {MessageChannel, receiveMessageOnPort} from 'node:worker_threads'
import {strToU8, zipSync} from 'fflate'
import {pdf} from '../../fixtures/builders/pdf.js'
import type {Artifact} from '../../src/model.js'
import {bufferSource, type Source} from '../../src/containers/source.js'
import {openSourceSync} from '../../src/containers/sync-source.js'
import {contentKey, createMemo, mergeReads, recall, shareReplays, type ContentFindings, type Replay} from '../../src/services/content-memo.js'
import {identifyRoots} from '../../src/services/identify.js'

const findings = (format: string): ContentFindings => ({format, basis: [], extensionMismatch: false, features: [{id: 'xfa', evidence: 'e'}], warnings: []})

describe('content keys and the memo', () => {
  it('keys on every byte and on the extension', () => {
    const a = Buffer.alloc(10_000, 1)
    const b = Buffer.from(a)
    b[9_999] = 2
    expect(contentKey(a, 'pdf')).toBe(contentKey(Buffer.from(a), 'pdf'))
    expect(contentKey(a, 'pdf')).not.toBe(contentKey(b, 'pdf'))
    expect(contentKey(a, 'pdf')).not.toBe(contentKey(a, 'ai'))
  })

  it('keeps at most its limit, dropping the least recently used, and hands out frozen findings', () => {
    const memo = createMemo<ContentFindings>(2)
    memo.set('a', findings('pdf'))
    memo.set('b', findings('docx'))
    memo.get('a') // a is now more recent than b
    memo.set('c', findings('xlsx'))
    expect(memo.size).toBe(2)
    expect(memo.get('b')).toBeUndefined()
    const first = memo.get('a')!
    expect(() => first.features.push({id: 'acroform', evidence: 'changed by a caller'})).toThrow(TypeError)
    expect(() => Object.assign(first.features[0]!, {id: 'dde'})).toThrow(TypeError)
    expect(memo.get('a')!.features).toEqual([{id: 'xfa', evidence: 'e'}])
  })
})

describe('identification of copies', () => {
  let root: string
  // Two PDFs of the same length that differ only in whether an action is JavaScript.
  const script = pdf(['<< /Type /Catalog /Pages 2 0 R /OpenAction 3 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>', '<< /S /JavaScript /JS (app.alert(1)) >>'])
  const plain = Buffer.from(script.toString('latin1').replace('/S /JavaScript /JS', '/S /URI        /UR'), 'latin1')
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'passerelle-memo-'))
    writeFileSync(path.join(root, 'a-script.pdf'), script)
    writeFileSync(path.join(root, 'b-plain.pdf'), plain)
    writeFileSync(path.join(root, 'c-script-copy.pdf'), script)
    writeFileSync(path.join(root, 'd-script-copy.ai'), script)
  })
  afterAll(() => rmSync(root, {recursive: true, force: true}))
  const run = async (dedupe: boolean) => {
    const out: Artifact[] = []
    for await (const a of identifyRoots([root], {workers: 0, probes: true, dedupe})) out.push(a)
    return out.sort((x, y) => x.relativePath.localeCompare(y.relativePath))
  }

  it('gives a copy the same findings, and a file differing by a few bytes its own', async () => {
    expect(plain.length).toBe(script.length)
    const [a, b, c, d] = await run(true)
    expect(a!.features.map((f) => f.id)).toContain('pdf-javascript')
    expect(b!.features.map((f) => f.id)).not.toContain('pdf-javascript')
    const strip = ({path: _p, relativePath: _r, mtime: _m, ...rest}: Artifact) => rest
    expect(strip(c!)).toEqual(strip(a!))
    expect(d!.extension).toBe('ai')
    expect(d!.format).toBe('ai') // same bytes, other extension: identified again, not reused
  })

  it('gives the same records with the memo switched off', async () => {
    expect(await run(true)).toEqual(await run(false))
  })
})

// Larger than what is read whole: a copy is recognised by replaying the reads of the first analysis.
describe('identification of copies of large files', () => {
  let root: string
  const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
  const docx = (settings: string, media: Buffer) => Buffer.from(zipSync({
    '[Content_Types].xml': strToU8(`${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`),
    '_rels/.rels': strToU8(`${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`),
    'word/document.xml': strToU8(`${XML}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>`),
    'word/media/image1.bin': [media, {level: 0}],
    // Stored, after 300 KB of media: same size and same head whatever the settings say.
    'word/settings.xml': [strToU8(`${XML}<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${settings}</w:settings>`), {level: 0}],
  }))
  const media = randomBytes(300_000)
  const tracking = docx('<w:trackRevisions/>', media)
  const quiet = docx('<w:trackRevisionz/>', media)
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'passerelle-replay-'))
    writeFileSync(path.join(root, 'a-tracking.docx'), tracking)
    writeFileSync(path.join(root, 'b-quiet.docx'), quiet)
    writeFileSync(path.join(root, 'c-tracking-copy.docx'), tracking)
  })
  afterAll(() => rmSync(root, {recursive: true, force: true}))
  const run = async (dedupe: boolean, probes = true) => {
    const out: Artifact[] = []
    for await (const a of identifyRoots([root], {workers: 0, concurrency: 1, probes, dedupe})) out.push(a)
    return out.sort((x, y) => x.relativePath.localeCompare(y.relativePath))
  }

  it('reuses findings only where every byte the analysis read is the same', async () => {
    expect(quiet.length).toBe(tracking.length)
    expect(quiet.subarray(0, 4096)).toEqual(tracking.subarray(0, 4096))
    const [a, b, c] = await run(true)
    expect(a!.format).toBe('docx')
    expect(a!.features.map((f) => f.id)).toContain('track-revisions-on')
    expect(b!.features.map((f) => f.id)).not.toContain('track-revisions-on')
    expect(c!.features).toEqual(a!.features)
    expect(await run(true)).toEqual(await run(false))
    expect(await run(true, false)).toEqual(await run(false, false))
  })
})

// The memo's contract, on sources in memory: a copy is checked by reading back only the ranges the first
// analysis read, and matches when, and only when, every one of them holds the same bytes.
describe('recall by replaying the ranges read', () => {
  const file = () => {
    const b = Buffer.alloc(200_000)
    for (let i = 0; i < b.length; i++) b[i] = (i * 7919) % 251
    return b
  }
  const counting = (bytes: Buffer) => {
    const source = bufferSource('f.bin', bytes)
    const read = source.read.bind(source)
    const seen = {bytes: 0}
    source.read = async (offset, length) => {
      seen.bytes += length
      return read(offset, length)
    }
    return {source, seen}
  }
  // A stand-in analysis: reads three ranges past the head, two of them overlapping, out of order.
  const analyse = async (source: Source) => {
    await source.read(150_000, 1000)
    await source.read(10_000, 500)
    await source.read(10_200, 800)
  }

  it('merges overlapping reads into sorted ranges with their bytes', () => {
    const a = Buffer.from('abcdef')
    const merged = mergeReads([[20, Buffer.from('xy')], [0, a.subarray(0, 4)], [2, a.subarray(2, 6)], [6, Buffer.from('g')]])
    expect(merged.ranges).toEqual([0, 7, 20, 2])
    expect(merged.bytes.map((b) => b.toString())).toEqual(['abcdefg', 'xy'])
  })

  it('gives a copy the findings after reading back only those ranges; a byte changed inside them, or a size, does not match', async () => {
    const context = `bin.recall-test-${Math.random()}`
    const first = counting(file())
    const miss = await recall(first.source, context)
    expect(miss.known).toBeUndefined()
    await analyse(first.source)
    miss.remember(findings('pdf'))

    const copy = counting(file())
    expect((await recall(copy.source, context)).known?.format).toBe('pdf')
    expect(copy.seen.bytes).toBe(1000 + 1000) // the two merged ranges, not the 200,000 bytes

    const untouched = file()
    untouched[100_000] = untouched[100_000]! ^ 1 // never read by the analysis: same reads, same findings
    expect((await recall(counting(untouched).source, context)).known?.format).toBe('pdf')
    for (const at of [10_000, 10_999, 150_999]) {
      const changed = file()
      changed[at] = changed[at]! ^ 1
      expect((await recall(counting(changed).source, context)).known, `byte ${at}`).toBeUndefined()
    }
    expect((await recall(counting(file().subarray(0, 199_999)).source, context)).known).toBeUndefined()
  })

  it('checks a copy by digest when the ranges are too large to keep, and through blocking reads into reused memory', async () => {
    const context = `bin.recall-digest-${Math.random()}`
    const big = () => Buffer.concat([file(), file(), file(), file(), file(), file()]) // 1,200,000 bytes
    const analyseBig = async (source: Source) => {
      await source.read(5_000, 1_100_000) // over the 1 MiB kept per file: a digest is kept instead
      await source.read(1_190_000, 100)
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'passerelle-recall-'))
    try {
      const write = (name: string, bytes: Buffer) => {
        writeFileSync(path.join(dir, name), bytes)
        return openSourceSync(path.join(dir, name))
      }
      const first = write('a.bin', big())
      const miss = await recall(first, context)
      await analyseBig(first)
      const {port1: pool, port2: worker} = new MessageChannel()
      shareReplays(worker) // only to see what was kept
      miss.remember(findings('pdf'))
      shareReplays(undefined)
      const kept = receiveMessageOnPort(pool)!.message as [string, Replay]
      pool.close()
      expect([kept[1].bytes, kept[1].digest?.length]).toEqual([undefined, 64])
      expect((await recall(write('b.bin', big()), context)).known?.format).toBe('pdf')
      const changed = big()
      changed[1_104_999] = changed[1_104_999]! ^ 1
      expect((await recall(write('c.bin', changed), context)).known).toBeUndefined()
      // Kept bytes, read back through readInto from a file on disk.
      const small = `bin.recall-kept-${Math.random()}`
      const s1 = write('d.bin', file())
      const m = await recall(s1, small)
      await analyse(s1)
      m.remember(findings('docx'))
      expect((await recall(write('e.bin', file()), small)).known?.format).toBe('docx')
      const other = file()
      other[150_500] = other[150_500]! ^ 1
      expect((await recall(write('f.bin', other), small)).known).toBeUndefined()
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })

  it('tells the other workers of the pool what it remembers, and takes in what they remember', async () => {
    const {port1: pool, port2: worker} = new MessageChannel()
    shareReplays(worker)
    try {
      const context = `bin.shared-${Math.random()}`
      const first = counting(file())
      const miss = await recall(first.source, context)
      await analyse(first.source)
      miss.remember(findings('pdf'))
      const [key, replay] = receiveMessageOnPort(pool)!.message as [string, Replay]
      expect(key.endsWith(context)).toBe(true)
      expect(replay.ranges).toEqual([10_000, 1000, 150_000, 1000])
      expect(replay.findings.format).toBe('pdf')
      // What another worker remembered of a file this one never analysed, as the pool passes it on.
      const elsewhere = `bin.elsewhere-${Math.random()}`
      pool.postMessage([key.replace(context, elsewhere), {...replay, findings: findings('xlsx')}])
      pool.postMessage([key.replace(context, `${elsewhere}.digest`), {ranges: replay.ranges, digest: 'not the digest of these bytes', findings: findings('xlsx')}])
      const copy = counting(file())
      expect((await recall(copy.source, elsewhere)).known?.format).toBe('xlsx')
      expect(copy.seen.bytes).toBe(2000) // checked against the bytes passed on, without analysis
      const changed = file()
      changed[150_010] = changed[150_010]! ^ 1
      expect((await recall(counting(changed).source, elsewhere)).known).toBeUndefined()
      expect((await recall(counting(file()).source, `${elsewhere}.digest`)).known).toBeUndefined()
    } finally {
      shareReplays(undefined)
      pool.close()
    }
  })
})
