// PowerPoint binary ([MS-PPT]): the Current User token says whether the file is encrypted; a record
// walk of the PowerPoint Document stream finds VBA (VBAInfoAtom with fHasMacros), embedded and linked
// OLE objects and ActiveX controls. The VBA project itself is a zlib-compressed ExOleObjStg.
import {constants as zlib, inflateSync} from 'node:zlib'
import type {Cfb} from '../containers/cfb.js'
import type {Feature} from '../model.js'
import {vbaFeaturesOfBytes} from './vba.js'

const MAX_STREAM = 32 * 1024 * 1024
const MAX_STORAGE = 8 * 1024 * 1024
const ENCRYPTED_TOKEN = 0xf3d1c4df

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
  if (user) {
    const cu = await cfb.readStream(user, 64)
    if (cu.length >= 16 && cu.readUInt32LE(12) === ENCRYPTED_TOKEN) {
      features.push({id: 'encrypted', evidence: 'PowerPoint CurrentUserAtom encryption token'})
      return {features, warnings}
    }
  }
  const stream = await cfb.readStream(doc, MAX_STREAM)
  const add = (id: string, evidence: string) => features.some((f) => f.id === id) || features.push({id, evidence})
  let hasMacros = false
  const storages: Buffer[] = []
  for (let p = 0; p + 8 <= stream.length; ) {
    const verInst = stream.readUInt16LE(p)
    const type = stream.readUInt16LE(p + 2)
    const len = stream.readUInt32LE(p + 4)
    if ((verInst & 0x0f) === 0x0f) {
      if (type === 0x0fcc) add('ole-embedded', 'PowerPoint ExOleEmbed container')
      else if (type === 0x0fee) add('activex', 'PowerPoint ExControl container')
      else if (type === 0x0fce) add('external-links', 'PowerPoint ExOleLink container (linked OLE object)')
      else if (type === 0x2f14) add('encrypted', 'PowerPoint CryptSession10 container')
      p += 8 // descend into the container
      continue
    }
    if (type === 0x0400 && len >= 8 && stream.readUInt32LE(p + 12) === 1) hasMacros = true
    if (type === 0x1011 && len <= MAX_STORAGE) storages.push(stream.subarray(p, p + 8 + len))
    p += 8 + len
  }
  if (hasMacros) {
    let found = false
    for (const rec of storages) {
      const body = rec.subarray(8)
      const compressed = (rec.readUInt16LE(0) >> 4) === 1
      try {
        const bytes = compressed ? inflateSync(body.subarray(4), {maxOutputLength: MAX_STORAGE, finishFlush: zlib.Z_SYNC_FLUSH}) : body
        const r = await vbaFeaturesOfBytes(bytes, 'PowerPoint VBA storage: ')
        if (r.features.length === 0) continue
        features.push(...r.features)
        found = true
        break
      } catch {
        // not a compound file holding a project (an embedded object or control): keep looking
      }
    }
    if (!found) features.push({id: 'vba-macros', evidence: 'PowerPoint VBAInfoAtom with fHasMacros=1'})
  }
  return {features, warnings}
}
