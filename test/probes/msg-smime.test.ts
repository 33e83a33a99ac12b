// Outlook messages of class IPM.Note.SMIME: encrypted when their smime.p7m attachment is CMS EnvelopedData,
// not when it is SignedData (an opaque-signed message) or the class is another.
import {describe, expect, it} from 'vitest'
import {compoundFile} from '../../fixtures/builders/ole2.js'
import {probeBytes} from '../support/inspect.js'

const OID = (last: number) => Buffer.from([0x30, 0x80, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, last, 0xa0, 0x80])
const message = (messageClass: string, p7m: Buffer) => compoundFile({
  '__properties_version1.0': Buffer.alloc(32),
  '__substg1.0_001A001F': Buffer.from(`${messageClass}\0`, 'utf16le'),
  '__substg1.0_0037001F': Buffer.from('Quarterly figures', 'utf16le'),
  '__attach_version1.0_#00000000/__properties_version1.0': Buffer.alloc(16),
  '__attach_version1.0_#00000000/__substg1.0_3707001F': Buffer.from('smime.p7m', 'utf16le'),
  '__attach_version1.0_#00000000/__substg1.0_37010102': Buffer.concat([p7m, Buffer.alloc(600, 0x11)]),
})

describe('S/MIME Outlook messages', () => {
  it('reports an encrypted message from its EnvelopedData attachment', async () => {
    const r = await probeBytes(message('IPM.Note.SMIME', OID(0x03)), 'sealed.msg')
    expect(r.ids).toEqual(['attachments', 'encrypted'])
    expect(r.evidence.encrypted).toBe('S/MIME encrypted message (IPM.Note.SMIME, CMS EnvelopedData attachment)')
  })
  it('does not call an opaque-signed message or another class encrypted', async () => {
    expect((await probeBytes(message('IPM.Note.SMIME', OID(0x02)), 'signed.msg')).ids).toEqual(['attachments'])
    expect((await probeBytes(message('IPM.Note', OID(0x03)), 'plain.msg')).ids).toEqual(['attachments'])
  })
})

describe('S/MIME check on a damaged message', () => {
  it('keeps the other findings and says the check was skipped', async () => {
    const bytes = message('IPM.Note.SMIME', OID(0x03))
    // Point the message-class stream at a sector past the end of the file.
    const name = Buffer.from('__substg1.0_001A001F', 'utf16le')
    const at = bytes.indexOf(name)
    bytes.writeUInt32LE(0x00ffff00, at + 116)
    const r = await probeBytes(bytes, 'damaged.msg')
    expect(r.ids).toEqual(['attachments'])
    expect(r.warnings).toEqual([expect.stringMatching(/^S\/MIME check skipped: /)])
  })
})

describe('PGP/MIME Outlook messages', () => {
  it('reports an encrypted message from its application/pgp-encrypted part', async () => {
    const bytes = compoundFile({
      '__properties_version1.0': Buffer.alloc(32),
      '__substg1.0_001A001F': Buffer.from('IPM.Note\0', 'utf16le'),
      '__attach_version1.0_#00000000/__properties_version1.0': Buffer.alloc(16),
      '__attach_version1.0_#00000000/__substg1.0_370E001F': Buffer.from('application/pgp-encrypted', 'utf16le'),
      '__attach_version1.0_#00000000/__substg1.0_37010102': Buffer.from('Version: 1\r\n'),
      '__attach_version1.0_#00000001/__properties_version1.0': Buffer.alloc(16),
      '__attach_version1.0_#00000001/__substg1.0_370E001F': Buffer.from('application/octet-stream', 'utf16le'),
      '__attach_version1.0_#00000001/__substg1.0_37010102': Buffer.from('-----BEGIN PGP MESSAGE-----\r\n\r\nhQEMA...\r\n'),
    })
    const r = await probeBytes(bytes, 'sealed.msg')
    expect(r.ids).toEqual(['attachments', 'encrypted'])
    expect(r.evidence.encrypted).toBe('PGP/MIME encrypted message (IPM.Note, application/pgp-encrypted part)')
  })
})
