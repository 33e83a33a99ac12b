// Access databases: a password-encrypted ACE database says so in its header page; a plain one does not.
import {describe, expect, it} from 'vitest'
import {probeBytes} from '../support/inspect.js'

const header = (extra: Buffer) => {
  const page = Buffer.alloc(8192)
  page.write('\u0000\u0001\u0000\u0000Standard ACE DB\u0000', 0, 'latin1')
  extra.copy(page, 0x299)
  return page
}
const agile = Buffer.concat([Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]), Buffer.from('<?xml version="1.0"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"><keyData saltSize="16" keyBits="256" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512"/></encryption>')])

describe('Access probe', () => {
  it('reports a database encrypted with a password from its header page', async () => {
    const r = await probeBytes(header(agile), 'db.accdb')
    expect(r.ids).toEqual(['encrypted'])
    expect(r.evidence.encrypted).toMatch(/agile EncryptionInfo.*AES \/ SHA512/)
    const rc4 = await probeBytes(header(Buffer.concat([Buffer.from([3, 0, 2, 0]), Buffer.alloc(40), Buffer.from('Microsoft Enhanced Cryptographic Provider v1.0', 'utf16le')])), 'db.accdb')
    expect(rc4.ids).toEqual(['encrypted'])
  })
  it('searches for connect strings, with a warning, in a database whose system tables cannot be read', async () => {
    const plain = header(Buffer.alloc(0))
    Buffer.from(';DATABASE=C:\\data\\orders.mdb', 'utf16le').copy(plain, 6000)
    expect((await probeBytes(plain, 'db.accdb')).ids).toEqual(['data-connections', 'external-links'])
  })
})
