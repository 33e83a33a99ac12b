import {describe, expect, it} from 'vitest'
import {pstFile} from '../../fixtures/builders/pst.js'
import {bufferSource} from '../../src/containers/source.js'
import {probe} from '../../src/probes/index.js'
import {identify} from '../../src/identify/identify.js'
import {probeBytes} from '../support/inspect.js'

const NO_PASSWORD: Array<[number, number, number]> = [[0x35df, 3, 0x89]]

describe('PST store password probe', () => {
  it('reports a Unicode store whose PidTagPstPassword is set, without printing the CRC', async () => {
    const r = await probeBytes(pstFile(), 'mail.pst')
    expect(r.ids).toEqual(['password-protected'])
    expect(r.evidence['password-protected']).toBe('store password set (PidTagPstPassword CRC-32 is non-zero; Unicode store, none block encoding)')
    expect(JSON.stringify(r)).not.toMatch(/1234abcd|305441741/i)
  })

  it('reports nothing when the property is absent or zero', async () => {
    expect((await probeBytes(pstFile({props: NO_PASSWORD}), 'a.pst')).ids).toEqual([])
    expect((await probeBytes(pstFile({props: [...NO_PASSWORD, [0x67ff, 3, 0]]}), 'b.pst')).ids).toEqual([])
    expect((await probeBytes(pstFile({props: []}), 'c.pst')).ids).toEqual([])
    // Offline caches hold 0xFFFFFFFF there: a placeholder, not a password's CRC.
    expect((await probeBytes(pstFile({props: [...NO_PASSWORD, [0x67ff, 3, 0xffffffff]]}), 'd.ost')).ids).toEqual([])
  })

  it.each([
    ['ANSI', {unicode: false}],
    ['permute-encoded', {crypt: 1 as const}],
    ['cyclic-encoded', {crypt: 2 as const}],
    ['ANSI cyclic-encoded', {unicode: false, crypt: 2 as const}],
    ['two-level node B-tree', {twoLevelNbt: true}],
    ['XBLOCK heap over two blocks', {xblock: true, crypt: 1 as const}],
    ['ANSI XBLOCK', {unicode: false, xblock: true}],
  ])('reads the password property of a %s store', async (_, options) => {
    expect((await probeBytes(pstFile(options), 'mail.pst')).ids).toEqual(['password-protected'])
    expect((await probeBytes(pstFile({...options, props: NO_PASSWORD}), 'mail.pst')).ids).toEqual([])
  })

  it('reads only the header, the pages on the path and the block', async () => {
    const bytes = Buffer.concat([pstFile({twoLevelNbt: true}), Buffer.alloc(4 * 1024 * 1024)])
    const source = bufferSource('big.pst', bytes)
    let read = 0
    const counted = {...source, read: async (o: number, l: number) => ((read += l), source.read(o, l))}
    const r = await probe((await identify(counted, 'pst')).inspection)
    expect(r.features.map((f) => f.id)).toEqual(['password-protected'])
    expect(read).toBeLessThan(4 * 512)
  })

  it('turns a B-tree page that points to itself into a warning, not a hang', async () => {
    const bytes = pstFile({twoLevelNbt: true})
    bytes.writeBigUInt64LE(0x600n, 0x600 + 16) // the level-1 root's only entry now points back at the root
    const r = await probeBytes(bytes, 'loop.pst')
    expect(r.ids).toEqual([])
    expect(r.warnings.join(' ')).toMatch(/probe pst failed: corrupt-container: B-tree page at 1536 is inconsistent/)
  })

  it('skips the 4 KiB-page OST layout quietly and warns on an unknown store version', async () => {
    const ost = pstFile()
    ost.writeUInt16LE(36, 10)
    expect(await probeBytes(ost, 'cache.ost')).toMatchObject({ids: [], warnings: []})
    const odd = pstFile()
    odd.writeUInt16LE(40, 10)
    expect((await probeBytes(odd, 'odd.pst')).warnings.join(' ')).toMatch(/PST wVer 40 is a layout this reader does not walk/)
  })

  it('says so when the blocks use an encoding it cannot undo (Windows Information Protection)', async () => {
    const wip = pstFile()
    wip[513] = 0x10
    expect(await probeBytes(wip, 'wip.pst')).toMatchObject({ids: [], warnings: ['store blocks use bCryptMethod 0x10: store password not checked']})
  })

  it('warns on a truncated store', async () => {
    const r = await probeBytes(pstFile().subarray(0, 0x700), 'cut.pst')
    expect(r.warnings.join(' ')).toMatch(/probe pst failed: corrupt-container/)
  })
})
