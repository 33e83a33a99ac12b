import {Args, Command, Flags} from '@oclif/core'
import {fail} from '../lib/fail.js'
import {writeOut} from '../lib/output.js'
import type {Software} from '../model.js'

export default class Inventory extends Command {
  static override description = 'Read inventory exports (sniffed from their content) and print the normalised software rows'
  static override examples = [
    '<%= config.bin %> inventory installed_programs.csv',
    '<%= config.bin %> inventory status.txt --reader dpkg-status -f ndjson',
    '<%= config.bin %> inventory lansweeper.csv --map name=Software,version=Version,host=AssetName -f csv',
  ]
  static override strict = false
  static override args = {files: Args.string({description: 'inventory exports to read'})}
  static override flags = {
    reader: Flags.string({description: 'read with this reader instead of sniffing (see --list-readers)'}),
    map: Flags.string({description: 'generic CSV columns: name=Col,version=Col,vendor=Col,host=Col'}),
    host: Flags.string({description: 'host for exports that name none (default: the file name)'}),
    format: Flags.string({char: 'f', options: ['table', 'ndjson', 'json', 'csv'], default: 'table', description: 'output format'}),
    'list-readers': Flags.boolean({default: false, description: 'list the readers and the export each one reads'}),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Inventory)
    // Loaded here, not at the top: oclif imports every command to list them, and `identify` should not pay for the readers.
    const {csvLine, listReaders, parseMap, readExports, tableLine} = await import('../services/inventory.js')
    if (flags['list-readers']) {
      for (const r of await listReaders()) await writeOut(`${r.name.padEnd(30)} ${r.description}\n`)
      return
    }
    const files = argv as string[]
    if (files.length === 0) fail(this, 'give at least one inventory export')
    let map: Record<string, string> | undefined
    try {
      map = flags.map ? parseMap(flags.map) : undefined
    } catch (e) {
      fail(this, (e as Error).message)
    }
    const all: Software[] = []
    let count = 0
    try {
      const warn = (w: {file: string; line?: number; message: string}) => process.stderr.write(`warning: ${w.file}${w.line ? `:${w.line}` : ''}: ${w.message}\n`)
      for await (const row of readExports(files, {reader: flags.reader, map, host: flags.host}, warn)) {
        if (count++ === 0 && flags.format !== 'json' && flags.format !== 'ndjson') await writeOut(flags.format === 'csv' ? csvLine() : tableLine())
        if (flags.format === 'ndjson') await writeOut(`${JSON.stringify(row)}\n`)
        else if (flags.format === 'csv') await writeOut(csvLine(row))
        else if (flags.format === 'table') await writeOut(tableLine(row))
        else all.push(row)
      }
    } catch (e) {
      fail(this, (e as Error).message)
    }
    if (flags.format === 'json') await writeOut(`${JSON.stringify(all, null, 2)}\n`)
    if (flags.format === 'table') await writeOut(`\n${count} software rows from ${files.length} export(s)\n`)
  }
}
