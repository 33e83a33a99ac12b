// PowerPoint binary ([MS-PPT]): the Current User token says whether the file is encrypted. What the probe
// reports lives in the DocumentContainer: the ExObjList (embedded and linked OLE objects, ActiveX controls)
// and the VBAInfoAtom (fHasMacros, and the persist id of the zlib-compressed ExOleObjStg holding the
// project). The persist directory, reached from the Current User stream through the UserEditAtom chain,
// gives their offsets, so only those records are read; when that chain is broken the whole stream is walked.
import {constants as zlib, inflateSync} from 'node:zlib'
import type {Cfb, StreamBytes} from '../containers/cfb.js'
import type {Feature} from '../model.js'
import {vbaFeaturesOfBytes} from './vba.js'

const MAX_STREAM = 32 * 1024 * 1024
const MAX_STORAGE = 8 * 1024 * 1024
const MAX_EDITS = 256
const ENCRYPTED_TOKEN = 0xf3d1c4df
const USER_EDIT = 0x0ff5
const PERSIST_DIRECTORY = 0x1772
const DOCUMENT = 0x03e8
const VBA_INFO = 0x0400
const OLE_STORAGE = 0x1011

type Walk = {features: Feature[]; macros?: {persistId: number}; storages: Buffer[]}

/** Features of a PowerPoint 97+ file (or the pre-97 marker for PowerPoint 4/95 layouts). */
export async function powerPointFeatures(cfb: Cfb): Promise<{features: Feature[]; warnings: string[]}> {
  const features: Feature[] = []
  const warnings: string[] = []
  if (cfb.find('PP40') || (cfb.find('PowerPoint Document') && cfb.find('Header') && cfb.find('PersistentStorage Directory'))) {
    features.push({id: 'pre97-binary', evidence: cfb.find('PP40') ? 'PowerPoint 4 stream PP40' : 'PowerPoint 95 stream layout (Header, PersistentStorage Directory)'})
    return {features, warnings}
  }
  const doc = cfb.find('PowerPoint Document')
  if (!doc) return {features, warnings}
  const user = cfb.find('Current User')
  const cu = user ? await cfb.readStream(user, 64) : Buffer.alloc(0)
  if (cu.length >= 16 && cu.readUInt32LE(12) === ENCRYPTED_TOKEN) {
    features.push({id: 'encrypted', evidence: 'PowerPoint CurrentUserAtom encryption token'})
    return {features, warnings}
  }
  const stream = await cfb.openStream(doc, MAX_STREAM)
  const persist = cu.length >= 20 ? await persistDirectory(stream, cu.readUInt32LE(16)).catch(() => undefined) : undefined
  const walk = (persist && (await documentWalk(stream, persist))) ?? (await wholeWalk(stream))
  features.push(...walk.features)
  if (walk.macros) {
    // The VBAInfoAtom names the project's storage; a whole-stream walk collected every storage instead.
    const offset = persist?.objects.get(walk.macros.persistId)
    const storages = offset !== undefined ? [await record(stream, offset, OLE_STORAGE, MAX_STORAGE)].filter((r) => r !== undefined) : walk.storages
    const vba = await projectFeatures(storages)
    features.push(...(vba.length > 0 ? vba : [{id: 'vba-macros', evidence: 'PowerPoint VBAInfoAtom with fHasMacros=1'}]))
  }
  return {features, warnings}
}

type Persist = {objects: Map<number, number>; document: number; encrypted: boolean}

// Follow the UserEditAtoms from the newest edit back to the first; a newer edit's directory entries win.
async function persistDirectory(stream: StreamBytes, offset: number): Promise<Persist | undefined> {
  const objects = new Map<number, number>()
  let document: number | undefined
  let encrypted = false
  const seen = new Set<number>()
  for (let at = offset, n = 0; n < MAX_EDITS; n++) {
    if (seen.has(at)) return undefined
    seen.add(at)
    const edit = await record(stream, at, USER_EDIT, 64)
    if (!edit || edit.length < 8 + 28) return undefined
    document ??= edit.readUInt32LE(8 + 16)
    if (edit.readUInt32LE(4) >= 32) encrypted = true // encryptSessionPersistIdRef is present
    const dir = await record(stream, edit.readUInt32LE(8 + 12), PERSIST_DIRECTORY, 1024 * 1024)
    if (!dir) return undefined
    for (let p = 8; p + 4 <= dir.length; ) {
      const entry = dir.readUInt32LE(p)
      const [first, count] = [entry & 0xfffff, entry >>> 20]
      for (let i = 0; i < count && p + 8 + i * 4 <= dir.length; i++) if (!objects.has(first + i)) objects.set(first + i, dir.readUInt32LE(p + 4 + i * 4))
      p += 4 + count * 4
    }
    const previous = edit.readUInt32LE(8 + 8)
    if (previous === 0) break
    at = previous
  }
  const documentOffset = document === undefined ? undefined : objects.get(document)
  return documentOffset === undefined ? undefined : {objects, document: documentOffset, encrypted}
}

// The record at `offset` (header included), when it has the expected type and fits in `max` bytes.
async function record(stream: StreamBytes, offset: number, type: number, max: number): Promise<Buffer | undefined> {
  if (offset + 8 > stream.size) return undefined
  const header = await stream.read(offset, 8)
  const len = header.readUInt32LE(4)
  if (header.readUInt16LE(2) !== type || len > max || offset + 8 + len > stream.size) return undefined
  return stream.read(offset, 8 + len)
}

async function documentWalk(stream: StreamBytes, persist: Persist): Promise<Walk | undefined> {
  const document = await record(stream, persist.document, DOCUMENT, MAX_STREAM)
  if (!document) return undefined
  const walk = walkRecords(document, false)
  if (persist.encrypted) walk.features.unshift({id: 'encrypted', evidence: 'PowerPoint UserEditAtom names an encryption session (CryptSession10Container)'})
  return walk
}

async function wholeWalk(stream: StreamBytes): Promise<Walk> {
  return walkRecords(await stream.read(0, stream.size), true)
}

// Walk records, descending into containers (version nibble 0xF).
function walkRecords(bytes: Buffer, keepStorages: boolean): Walk {
  const features: Feature[] = []
  const add = (id: string, evidence: string) => features.some((f) => f.id === id) || features.push({id, evidence})
  const walk: Walk = {features, storages: []}
  for (let p = 0; p + 8 <= bytes.length; ) {
    const verInst = bytes.readUInt16LE(p)
    const type = bytes.readUInt16LE(p + 2)
    const len = bytes.readUInt32LE(p + 4)
    if ((verInst & 0x0f) === 0x0f) {
      if (type === 0x0fcc) add('ole-embedded', 'PowerPoint ExOleEmbed container')
      else if (type === 0x0fee) add('activex', 'PowerPoint ExControl container')
      else if (type === 0x0fce) add('external-links', 'PowerPoint ExOleLink container (linked OLE object)')
      else if (type === 0x2f14) add('encrypted', 'PowerPoint CryptSession10 container')
      p += 8 // descend into the container
      continue
    }
    if (type === VBA_INFO && len >= 8 && p + 16 <= bytes.length && bytes.readUInt32LE(p + 12) === 1) walk.macros = {persistId: bytes.readUInt32LE(p + 8)}
    if (keepStorages && type === OLE_STORAGE && len <= MAX_STORAGE) walk.storages.push(bytes.subarray(p, p + 8 + len))
    p += 8 + len
  }
  return walk
}

// The first storage that holds a VBA project: compressed ones (instance 1) start with their inflated size.
async function projectFeatures(storages: Buffer[]): Promise<Feature[]> {
  for (const rec of storages) {
    const body = rec.subarray(8)
    const compressed = rec.readUInt16LE(0) >> 4 === 1
    try {
      const bytes = compressed ? inflateSync(body.subarray(4), {maxOutputLength: MAX_STORAGE, finishFlush: zlib.Z_SYNC_FLUSH}) : body
      const r = await vbaFeaturesOfBytes(bytes, 'PowerPoint VBA storage: ')
      if (r.features.length > 0) return r.features
    } catch {
      // not a compound file holding a project (an embedded object or control): keep looking
    }
  }
  return []
}
