import {Args, Command, Flags} from '@oclif/core'
import {fail} from '../../lib/fail.js'
import {syncResult} from '../../services/tickets.js'

export default class TicketsSync extends Command {
  static override description = 'Open, update, reopen and close tracker tickets so they match the finding groups of a saved scan'
  static override examples = [
    'REDMINE_API_KEY=… <%= config.bin %> tickets sync result.json --tracker redmine --url https://redmine.example.org --project it-migration',
    'RT_TOKEN=… <%= config.bin %> tickets sync result.json --tracker rt --url https://rt.example.org/rt --project General --dry-run',
  ]
  static override args = {result: Args.string({required: true, description: 'ScanResult JSON (scan -f json -o FILE)'})}
  static override flags = {
    tracker: Flags.string({required: true, options: ['redmine', 'rt', 'github', 'gitlab'], description: 'ticket tracker'}),
    url: Flags.string({description: 'tracker base URL (RT: its web root, e.g. https://host/rt); github and gitlab default to the public sites'}),
    project: Flags.string({required: true, description: 'Redmine project identifier, RT queue, GitHub owner/repo, GitLab project id or path'}),
    'close-status': Flags.string({description: 'status that closes a ticket (Redmine: Closed, RT: resolved)'}),
    'dry-run': Flags.boolean({default: false, description: 'print the plan; change nothing in the tracker'}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(TicketsSync)
    let outcome
    try {
      outcome = await syncResult(args.result, {
        tracker: flags.tracker, url: flags.url, project: flags.project, closeStatus: flags['close-status'], dryRun: flags['dry-run'],
      })
    } catch (e) {
      fail(this, (e as Error).message)
    }
    for (const a of outcome.actions) {
      if (flags['dry-run'] || a.action !== 'unchanged') this.log(`${a.action.padEnd(9)} ${a.ticket ? `#${a.ticket.id}`.padEnd(7) : 'new'.padEnd(7)} ${a.fingerprint.slice(0, 12)} ${a.subject}`)
    }
    this.log(`${flags['dry-run'] ? 'plan: ' : ''}${outcome.summary}`)
  }
}
