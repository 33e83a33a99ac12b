// A plain archive whose entries use ZIP's own encryption cannot be read without its password: `encrypted`.
import {strToU8, zipSync} from 'fflate'
import {describe, expect, it} from 'vitest'
import {probeBytes} from '../support/inspect.js'

// Set general-purpose flag bit 0 (encrypted) on every local and central header, as an encrypting archiver does.
function encryptFlags(zip: Uint8Array): Buffer {
  const b = Buffer.from(zip)
  for (let i = 0; i + 4 <= b.length; i++) {
    const sig = b.readUInt32LE(i)
    if (sig === 0x04034b50) b.writeUInt16LE(b.readUInt16LE(i + 6) | 1, i + 6)
    if (sig === 0x02014b50) b.writeUInt16LE(b.readUInt16LE(i + 8) | 1, i + 8)
  }
  return b
}

describe('ZIP encryption', () => {
  it('reports an archive whose entries are encrypted, and not a plain one', async () => {
    const archive = zipSync({'report.doc': strToU8('x'.repeat(100)), 'notes.txt': strToU8('y')}, {level: 0})
    const locked = await probeBytes(encryptFlags(archive), 'a.zip')
    expect(locked.ids).toEqual(['encrypted'])
    expect(locked.evidence.encrypted).toBe('2 of 2 entries password-encrypted (ZIP encryption), e.g. report.doc')
    expect((await probeBytes(Buffer.from(archive), 'b.zip')).ids).toEqual([])
  })
})
