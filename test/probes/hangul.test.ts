// Hangul documents: HWP 5 (OLE2) says how its body is protected in the FileHeader's properties; HWPX
// (OWPML) is a ZIP package told by its mimetype.
import {describe, expect, it} from 'vitest'
import {compoundFile} from '../../fixtures/builders/ole2.js'
import {zipOf} from '../../fixtures/builders/zip.js'
import {probeBytes} from '../support/inspect.js'

// FileHeader: "HWP Document File" padded to 32 bytes, version 5.0.1.7, the properties word, reserved bytes.
const hwp = (properties: number) => {
  const header = Buffer.alloc(256)
  header.write('HWP Document File', 0, 'latin1')
  header.writeUInt32LE(0x05000107, 32)
  header.writeUInt32LE(properties, 36)
  return compoundFile({FileHeader: header, 'BodyText/Section0': Buffer.alloc(600), DocInfo: Buffer.alloc(600)})
}

describe('HWP 5 FileHeader', () => {
  it('reports a password, a distribution document, certificate encryption, DRM and a signature', async () => {
    expect((await probeBytes(hwp(0x1), 'plain.hwp')).ids).toEqual([])
    const password = await probeBytes(hwp(0x3), 'password.hwp')
    expect([password.format, password.ids]).toEqual(['hwp', ['encrypted']])
    expect(password.evidence.encrypted).toMatch(/password/)
    expect((await probeBytes(hwp(0x5), 'viewtext.hwp')).evidence.encrypted).toMatch(/distribution document/)
    expect((await probeBytes(hwp(0x101), 'cert.hwp')).ids).toEqual(['certificate-encryption', 'encrypted'])
    expect((await probeBytes(hwp(0x11), 'drm.hwp')).ids).toEqual(['irm'])
    expect((await probeBytes(hwp(0x81), 'signed.hwp')).ids).toEqual(['digital-signature'])
  })
})

describe('HWPX', () => {
  const section = '<hs:sec xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section"/>'
  it('is told by its mimetype, or by its Contents parts when the mimetype is missing', async () => {
    const withMimetype = await probeBytes(zipOf({mimetype: 'application/hwp+zip', 'version.xml': '<hv:HCFVersion/>', 'Contents/content.hpf': '<opf:package/>', 'Contents/section0.xml': section}), 'doc.hwpx')
    expect([withMimetype.format, withMimetype.mismatch]).toEqual(['hwpx', false])
    const without = await probeBytes(zipOf({'Contents/content.hpf': '<opf:package/>', 'Contents/section0.xml': section}), 'doc.zip')
    expect(without.format).toBe('hwpx')
  })
})
