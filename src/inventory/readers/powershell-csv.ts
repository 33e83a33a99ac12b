// PowerShell `Get-ItemProperty ...\Uninstall\* | Export-Csv`: any column order, with or without the
// #TYPE line, `,` or `;`, UTF-8 or UTF-16LE. Rows without a DisplayName are hidden components.
import {parse} from 'csv-parse/sync'
import {readFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type {Software} from '../../model.js'
import {decode} from '../decode.js'
import {InventoryError, type Reader} from '../reader.js'

const NAME = 'powershell-uninstall-csv'

function header(text: string): {delimiter: string; skip: number; columns: string[]} | undefined {
  const lines = text.split(/\r?\n/, 3)
  const skip = lines[0]?.startsWith('#TYPE') ? 1 : 0
  const first = lines[skip] ?? ''
  const delimiter = (first.match(/;/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? ';' : ','
  const columns = first.split(delimiter).map((c) => c.replace(/^"|"$/g, '').trim())
  return columns.includes('DisplayName') ? {delimiter, skip, columns} : undefined
}

export const powershellCsv: Reader = {
  name: NAME,
  description: 'PowerShell Export-Csv of the Uninstall registry keys (DisplayName, DisplayVersion, Publisher)',
  sniff(head) {
    const h = header(decode(head))
    if (!h) return 0
    return h.columns.includes('DisplayVersion') || h.columns.includes('Publisher') ? 0.9 : 0.6
  },
  async *read(file, warn) {
    const text = decode(await readFile(file))
    const h = header(text)
    if (!h) throw new InventoryError(`${file}: no DisplayName column in the header`)
    const rows = parse(text, {delimiter: h.delimiter, from_line: h.skip + 1, columns: true, relax_column_count: true, skip_empty_lines: true, info: true}) as Array<{record: Record<string, string>; info: {lines: number}}>
    const fallbackHost = path.basename(file).replace(/\..*$/, '') || os.hostname()
    for (const {record, info} of rows) {
      const name = record.DisplayName?.trim()
      if (!name) continue
      if (name.length > 512) {
        warn({file, line: info.lines, message: 'DisplayName longer than 512 characters; row skipped'})
        continue
      }
      const row: Software = {
        host: record.PSComputerName?.trim() || record.ComputerName?.trim() || fallbackHost,
        name,
        vendor: record.Publisher?.trim() || undefined,
        version: record.DisplayVersion?.trim() || undefined,
        kind: 'application',
        source: {file, reader: NAME, line: info.lines},
      }
      yield row
    }
  },
}
