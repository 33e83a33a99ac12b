import {Command, Flags} from '@oclif/core'
import {writeFile} from 'node:fs/promises'
import {fail} from '../lib/fail.js'
import {writeOut} from '../lib/output.js'
import {historyCsv, historyHtml, historyTable} from '../report/history.js'
import {history} from '../services/history.js'
import {storeTarget} from '../services/record.js'

export default class History extends Command {
  static override description = 'Show recorded runs and the estate trend (ODF share, macro files, findings, framework scores)'
  static override examples = ['<%= config.bin %> history --since 2026-01-01 -f html -o trend.html', '<%= config.bin %> history --store postgres://audit@db/passerelle']
  static override flags = {
    store: Flags.string({description: 'SQLite file or postgres:// URL (default: PASSERELLE_STORE, then .passerelle/history.sqlite)'}),
    since: Flags.string({description: 'only runs started on or after this date (YYYY-MM-DD or ISO time)'}),
    format: Flags.string({char: 'f', options: ['table', 'json', 'csv', 'html'], default: 'table', description: 'output format'}),
    output: Flags.string({char: 'o', description: 'write to this file instead of stdout'}),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(History)
    if (flags.since && Number.isNaN(Date.parse(flags.since))) fail(this, `--since ${flags.since} is not a date`)
    let h
    try {
      h = await history(storeTarget(flags.store), flags.since ? new Date(flags.since).toISOString() : undefined)
    } catch (e) {
      fail(this, (e as Error).message)
    }
    const text = flags.format === 'json' ? `${JSON.stringify(h, null, 2)}\n`
      : flags.format === 'csv' ? historyCsv(h.trend)
      : flags.format === 'html' ? historyHtml(h.runs, h.trend)
      : historyTable(h.runs, h.trend)
    if (flags.output) await writeFile(flags.output, text)
    else await writeOut(text)
  }
}
