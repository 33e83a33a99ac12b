// Hangul Word Processor 5 documents (an OLE2 file): the FileHeader stream's properties word says how the
// body is protected. HWP 5.0 format specification, FileHeader: the signature "HWP Document File" (32
// bytes), the version (4), then the properties: bit 1 password, bit 2 distribution document (the body
// kept encrypted in ViewText, for viewing only), bit 4 DRM, bit 7 digital signature, bit 8 encrypted
// with a certificate, bit 10 certificate DRM.
import type {Cfb} from '../containers/cfb.js'
import type {Feature} from '../model.js'
import {addFeature} from './probe.js'

const SIGNATURE = Buffer.from('HWP Document File', 'latin1')

/** Features of a Hangul document's FileHeader. */
export async function hwpFeatures(cfb: Cfb): Promise<Feature[]> {
  const features: Feature[] = []
  const header = cfb.find('FileHeader')
  if (!header) return features
  const b = await cfb.readStream(header, 40)
  if (b.length < 40 || !b.subarray(0, SIGNATURE.length).equals(SIGNATURE)) return features
  const flags = b.readUInt32LE(36)
  const add = (id: string, evidence: string) => addFeature(features, id, `HWP FileHeader: ${evidence}`)
  if (flags & 0x2) add('encrypted', 'password-encrypted document')
  if (flags & 0x4) add('encrypted', 'distribution document (body encrypted in ViewText, for viewing only)')
  if (flags & 0x100) {
    add('encrypted', 'encrypted with a certificate')
    add('certificate-encryption', 'encrypted with a certificate')
  }
  if (flags & 0x410) add('irm', `DRM-protected document${flags & 0x400 ? ' (certificate DRM)' : ''}`)
  if (flags & 0x80) add('digital-signature', 'digital signature information present')
  return features
}
