// The node database layer of Outlook stores ([MS-PST] 2.2): the header, the two B-trees (nodes by NID,
// blocks by BID) and one node's data blocks. Everything is a positioned read of what the lookup needs:
// the header, one 512-byte page per B-tree level, and the node's blocks, so a 20 GiB store costs a few
// KiB. Depth, entry counts and block counts are bounded; CRCs are not checked (we only read).
import type {Source} from '../containers/source.js'
import {CRYPT_CYCLIC, decodeBlock} from './pst-crypt.js'

/** Raised when the store's structures contradict themselves (bad page types, loops, offsets past the end). */
export class PstError extends Error {
  readonly code = 'corrupt-container'
}

/** What the header says about the store's layout. */
export type PstHeader = {unicode: boolean; version: number; crypt: number; nbt: Ref; bbt: Ref}
type Ref = {bid: bigint; ib: number}

const PAGE = 512
const MAX_DEPTH = 8
const MAX_BLOCK = 8192
const MAX_BLOCKS = 64
const NBT_PAGE = 0x81
const BBT_PAGE = 0x80

/** Parse the store header (wVer 14/15 = ANSI, 23 = Unicode; 36, the 4 KiB-page OST layout, is refused). */
export function parsePstHeader(head: Buffer): PstHeader {
  if (head.length < 564 || head.toString('latin1', 0, 4) !== '!BDN') throw new PstError('PST header is truncated or missing')
  const version = head.readUInt16LE(10)
  if (version === 14 || version === 15) {
    return {unicode: false, version, crypt: head[461]!, nbt: {bid: BigInt(head.readUInt32LE(184)), ib: head.readUInt32LE(188)}, bbt: {bid: BigInt(head.readUInt32LE(192)), ib: head.readUInt32LE(196)}}
  }
  if (version >= 23 && version < 36) {
    return {unicode: true, version, crypt: head[513]!, nbt: {bid: head.readBigUInt64LE(216), ib: safe(head.readBigUInt64LE(224))}, bbt: {bid: head.readBigUInt64LE(232), ib: safe(head.readBigUInt64LE(240))}}
  }
  throw new PstError(`PST wVer ${version} is a layout this reader does not walk`)
}

function safe(n: bigint): number {
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw new PstError(`offset ${n} is out of range`)
  return Number(n)
}

/** Read access to one store's node database. */
export class NodeDatabase {
  constructor(
    private readonly source: Source,
    readonly header: PstHeader,
  ) {}

  // Walk one B-tree from its root to the leaf entry with `key`: one page per level, levels must shrink.
  private async lookup(root: Ref, key: bigint, pageType: number): Promise<Buffer | undefined> {
    const u = this.header.unicode
    const keySize = u ? 8 : 4
    const trailer = u ? 488 : 496 // cEnt, cEntMax, cbEnt, cLevel (+ 4 padding bytes in Unicode), then the page trailer
    const ptype = u ? 496 : 500
    const mask = pageType === BBT_PAGE ? ~1n : ~0n // a BID's lowest bit is reserved; a NID's is part of its type
    let ref = root
    let level = Infinity
    for (let depth = 0; depth < MAX_DEPTH; depth++) {
      if (ref.ib + PAGE > this.source.size) throw new PstError(`B-tree page at ${ref.ib} is past the end of the file`)
      const page = await this.source.read(ref.ib, PAGE)
      const [count, , size, pageLevel] = [page[trailer]!, page[trailer + 1], page[trailer + 2]!, page[trailer + 3]!]
      if (page.length < PAGE || page[ptype] !== pageType || page[ptype + 1] !== pageType) throw new PstError(`page at ${ref.ib} is not a ${pageType === NBT_PAGE ? 'node' : 'block'} B-tree page`)
      if (pageLevel >= level || size < keySize || count * size > trailer) throw new PstError(`B-tree page at ${ref.ib} is inconsistent`)
      level = pageLevel
      const keyAt = (i: number) => (u ? page.readBigUInt64LE(i * size) : BigInt(page.readUInt32LE(i * size))) & mask
      if (level === 0) {
        for (let i = 0; i < count; i++) if (keyAt(i) === key) return page.subarray(i * size, (i + 1) * size)
        return undefined
      }
      let pick = -1
      for (let i = 0; i < count && keyAt(i) <= key; i++) pick = i
      if (pick < 0) return undefined
      const at = pick * size + keySize
      ref = u ? {bid: page.readBigUInt64LE(at), ib: safe(page.readBigUInt64LE(at + 8))} : {bid: BigInt(page.readUInt32LE(at)), ib: page.readUInt32LE(at + 4)}
    }
    throw new PstError(`B-tree deeper than ${MAX_DEPTH} levels`)
  }

  /** The data BID of a node, or undefined when the node does not exist. */
  async nodeData(nid: number): Promise<bigint | undefined> {
    const entry = await this.lookup(this.header.nbt, BigInt(nid), NBT_PAGE)
    if (!entry) return undefined
    return this.header.unicode ? entry.readBigUInt64LE(8) : BigInt(entry.readUInt32LE(4))
  }

  // One block as stored: its BBT entry gives offset and size.
  private async rawBlock(bid: bigint): Promise<Buffer> {
    const entry = await this.lookup(this.header.bbt, bid & ~1n, BBT_PAGE)
    if (!entry) throw new PstError(`block ${bid} is not in the block B-tree`)
    const u = this.header.unicode
    const ib = u ? safe(entry.readBigUInt64LE(8)) : entry.readUInt32LE(4)
    const cb = entry.readUInt16LE(u ? 16 : 8)
    if (cb > MAX_BLOCK || ib + cb > this.source.size) throw new PstError(`block ${bid} (${cb} bytes at ${ib}) is out of range`)
    return Buffer.from(await this.source.read(ib, cb))
  }

  /** The decoded data blocks of a node: one block, or the blocks an XBLOCK lists (XXBLOCK trees are refused). */
  async blocks(bid: bigint): Promise<Buffer[]> {
    const internal = (bid & 2n) !== 0n
    const raw = await this.rawBlock(bid)
    if (!internal) return [decodeBlock(raw, this.header.crypt, bid)]
    if (raw.length < 8 || raw[0] !== 0x01) throw new PstError(`internal block ${bid} is not an XBLOCK`)
    if (raw[1] !== 1) throw new PstError(`node data of block ${bid} is a multi-level tree, too large to read here`)
    const count = raw.readUInt16LE(2)
    const width = this.header.unicode ? 8 : 4
    if (count > MAX_BLOCKS || 8 + count * width > raw.length) throw new PstError(`XBLOCK ${bid} lists ${count} blocks`)
    const out: Buffer[] = []
    for (let i = 0; i < count; i++) {
      const child = width === 8 ? raw.readBigUInt64LE(8 + i * 8) : BigInt(raw.readUInt32LE(8 + i * 4))
      out.push(decodeBlock(await this.rawBlock(child), this.header.crypt, child))
    }
    return out
  }

  /** Whether blocks are obfuscated, for evidence. */
  get encoding(): string {
    return this.header.crypt === 0 ? 'none' : this.header.crypt === CRYPT_CYCLIC ? 'cyclic' : 'permute'
  }
}
