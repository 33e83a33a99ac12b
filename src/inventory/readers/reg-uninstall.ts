// `regedit /e` and `reg export` files of the Uninstall keys: UTF-16LE with BOM ("Windows Registry Editor
// Version 5.00") or ANSI ("REGEDIT4"), one [HKEY_…\Uninstall\<key>] section per product. Only direct
// subkeys that carry a DisplayName are products; the others are hidden components and patches.
import type {Software} from '../../model.js'
import {productOf} from '../normalise.js'
import type {Reader} from '../reader.js'
import {decodeHead, hostFromFile, textLines} from '../source.js'

const NAME = 'windows-reg-uninstall'

/** Decode a .reg string value: backslash escapes, or hex(1)/hex(2)/hex(7) UTF-16LE bytes. */
export function regValue(raw: string): string | number | undefined {
  if (raw.startsWith('"')) return raw.slice(1, raw.endsWith('"') ? -1 : undefined).replace(/\\(.)/g, '$1')
  const dword = raw.match(/^dword:([0-9a-f]{8})$/i)
  if (dword) return Number.parseInt(dword[1]!, 16)
  const hex = raw.match(/^hex\((?:1|2|7)\):(.*)$/i)
  if (hex) {
    const bytes = Buffer.from(hex[1]!.replace(/[^0-9a-f]/gi, ''), 'hex')
    return bytes.toString('utf16le').replace(/\0+$/, '').split('\0').join('; ')
  }
  return undefined
}

/** Product ids a key name gives away when the DisplayName is localised or unusual. */
function productFromKey(key: string): string | undefined {
  if (/^Office1\d\./i.test(key) || /-0000000FF1CE\}$/i.test(key)) return 'microsoft:office'
  if (/^\{AC76BA86-7AD7-/i.test(key)) return 'adobe:acrobat-reader'
  if (/^\{AC76BA86-1033-/i.test(key)) return 'adobe:acrobat'
  return undefined
}

function toRow(file: string, host: string, key: string, line: number, values: Map<string, string | number>): Software | undefined {
  const name = values.get('displayname')
  if (typeof name !== 'string' || name.trim() === '') return undefined
  const version = values.get('displayversion')
  const vendor = values.get('publisher')
  const component = values.get('systemcomponent') === 1 || values.has('parentkeyname')
  const keyProduct = productOf(name).product ? undefined : productFromKey(key)
  return {
    host, name: name.trim(), vendor: typeof vendor === 'string' && vendor.trim() ? vendor.trim() : undefined,
    version: typeof version === 'string' && version.trim() ? version.trim() : undefined,
    kind: component ? 'component' : 'application', ...(keyProduct ? {product: keyProduct} : {}),
    source: {file, reader: NAME, line, path: key},
  }
}

export const regUninstall: Reader = {
  name: NAME,
  description: 'regedit /e or reg export of the Uninstall registry keys (.reg, UTF-16LE or REGEDIT4)',
  produce: 'reg export HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall uninstall.reg (and HKLM\\Software\\Wow6432Node\\…\\Uninstall for 32-bit programs)',
  sniff(head) {
    const text = decodeHead(head)
    if (!/^\s*(Windows Registry Editor Version 5\.00|REGEDIT4)/.test(text)) return 0
    return /\\Uninstall\\/i.test(text) ? 0.95 : 0.6
  },
  async *read(file, warn, options = {}) {
    const host = options.host ?? hostFromFile(file)
    let key: string | undefined
    let keyLine = 0
    let values = new Map<string, string | number>()
    let pending = ''
    let pendingLine = 0
    for await (const {text, line} of textLines(file)) {
      if (pending === '') pendingLine = line
      const joined = pending.endsWith('\n') ? pending + text : pending + (pending ? text.trim() : text)
      // A string value with line breaks spans lines (regedit writes them raw): wait for its closing quote.
      const open = joined.match(/^("(?:[^"\\]|\\.)*"|@)="((?:[^"\\]|\\.)*)$/)
      if (open) {
        pending = `${joined}\n`
        continue
      }
      // hex(…) values continue on the next line after a trailing backslash.
      if (/^("(?:[^"\\]|\\.)*"|@)=hex/i.test(joined) && joined.endsWith('\\')) {
        pending = joined.slice(0, -1)
        continue
      }
      const full = joined
      pending = ''
      const section = full.match(/^\[(-?)(.*)\]\s*$/)
      if (section) {
        if (key) {
          const row = toRow(file, host, key, keyLine, values)
          if (row) yield row
        }
        const sub = section[2]!.match(/\\Uninstall\\([^\\]+)$/i)
        key = section[1] === '' && sub ? sub[1] : undefined
        keyLine = line
        values = new Map()
        continue
      }
      if (!key || full.trim() === '' || full.startsWith(';')) continue
      const value = full.match(/^("(?:[^"\\]|\\.)*"|@)=(.*)$/s)
      if (!value) {
        warn({file, line: pendingLine, message: `not a registry value line: ${full.slice(0, 60)}`})
        continue
      }
      const parsed = regValue(value[2]!.trim())
      const name = value[1] === '@' ? '' : value[1]!.slice(1, -1).replace(/\\(.)/g, '$1')
      if (parsed !== undefined) values.set(name.toLowerCase(), parsed)
    }
    if (key) {
      const row = toRow(file, host, key, keyLine, values)
      if (row) yield row
    }
  },
}
