// Outlook store password ([MS-PST]): the message store node (NID 0x21) is a property context, i.e. a
// B-tree-on-heap keyed by property id inside a heap-on-node. Outlook keeps PidTagPstPassword (0x67FF,
// PtypInteger32) there: a CRC-32 of the password, non-zero when one is set (OST caches hold 0xFFFFFFFF).
// We only test it for those; the value is never printed and no password is ever guessed.
import type {Feature} from '../model.js'
import {addFeature, type Probe} from './probe.js'
import {NodeDatabase, parsePstHeader, PstError} from './pst-ndb.js'

const NID_MESSAGE_STORE = 0x21
const PID_TAG_PST_PASSWORD = 0x67ff
const PT_LONG = 0x0003
const MAX_LEVELS = 8

// A heap item by HID: block index (high 16 bits), 1-based allocation index (bits 5-15); type bits 0.
function heapItem(blocks: Buffer[], hid: number): Buffer {
  const block = blocks[hid >>> 16]
  const index = (hid >>> 5) & 0x7ff
  if (!block || (hid & 0x1f) !== 0 || index === 0) throw new PstError(`heap id 0x${hid.toString(16)} is invalid`)
  const map = block.readUInt16LE(0)
  if (map + 4 > block.length || index > block.readUInt16LE(map)) throw new PstError(`heap id 0x${hid.toString(16)} is not allocated`)
  const start = block.readUInt16LE(map + 4 + (index - 1) * 2)
  const end = block.readUInt16LE(map + 4 + index * 2)
  if (start > end || end > map) throw new PstError(`heap item 0x${hid.toString(16)} runs outside its block`)
  return block.subarray(start, end)
}

/** Find one property of a property context: its type and 4-byte value/HNID, or undefined. */
export function propertyOf(blocks: Buffer[], propId: number): {type: number; value: number} | undefined {
  const first = blocks[0]
  if (!first || first.length < 12 || first[2] !== 0xec) throw new PstError('node data is not a heap-on-node')
  if (first[3] !== 0xbc) throw new PstError(`heap client 0x${first[3]!.toString(16)} is not a property context`)
  const header = heapItem(blocks, first.readUInt32LE(4))
  if (header.length < 8 || header[0] !== 0xb5 || header[1] !== 2 || header[2] !== 6) throw new PstError('property context B-tree header is malformed')
  let levels = header[3]!
  let hid = header.readUInt32LE(4)
  if (hid === 0) return undefined // an empty tree
  if (levels > MAX_LEVELS) throw new PstError(`property B-tree has ${levels} levels`)
  // Index levels hold (key, next HID) records: take the last key <= propId. Leaves hold (key, type, value).
  for (; levels > 0; levels--) {
    const records = heapItem(blocks, hid)
    let next: number | undefined
    for (let at = 0; at + 6 <= records.length && records.readUInt16LE(at) <= propId; at += 6) next = records.readUInt32LE(at + 2)
    if (next === undefined) return undefined
    hid = next
  }
  const leaf = heapItem(blocks, hid)
  for (let at = 0; at + 8 <= leaf.length; at += 8) {
    if (leaf.readUInt16LE(at) === propId) return {type: leaf.readUInt16LE(at + 2), value: leaf.readUInt32LE(at + 4)}
  }
  return undefined
}

/** Features of an Outlook store: `password-protected` when the store password is set. */
export async function pstFeatures(db: NodeDatabase): Promise<{features: Feature[]; warnings: string[]}> {
  const features: Feature[] = []
  const bid = await db.nodeData(NID_MESSAGE_STORE)
  if (bid === undefined) return {features, warnings: ['the store has no message store node (NID 0x21)']}
  const password = propertyOf(await db.blocks(bid), PID_TAG_PST_PASSWORD)
  if (password && password.type !== PT_LONG) return {features, warnings: [`PidTagPstPassword has type 0x${password.type.toString(16)}, not PtypInteger32`]}
  const layout = `${db.header.unicode ? 'Unicode' : 'ANSI'} store, ${db.encoding} block encoding`
  // Offline stores (OST) carry 0xFFFFFFFF there: a placeholder, not the CRC of a password.
  const value = password ? password.value >>> 0 : 0
  if (value !== 0 && value !== 0xffffffff) addFeature(features, 'password-protected', `store password set (PidTagPstPassword CRC-32 is non-zero; ${layout})`)
  return {features, warnings: []}
}

/** The probe for Outlook PST/OST files. */
export const pstProbe: Probe = {
  name: 'pst',
  applies: (i) => i.format === 'pst' || i.format === 'ost',
  async run(i) {
    const head = i.source.head.length >= 564 ? i.source.head : await i.source.read(0, 564)
    // wVer 36 is the 4 KiB-page layout of recent OST caches: no store password there, and not walked here.
    if (head.length >= 12 && head.readUInt16LE(10) === 36) return {}
    const header = parsePstHeader(head)
    // bCryptMethod 0x10 (Windows Information Protection) and any later value: blocks we cannot decode.
    if (header.crypt > 2) return {warnings: [`store blocks use bCryptMethod 0x${header.crypt.toString(16)}: store password not checked`]}
    return pstFeatures(new NodeDatabase(i.source, header))
  },
}
