// Redmine REST adapter (tested against Debian's redmine 5.0). Fingerprint in the issue custom field
// named `Fingerprint` when the project has one (filtered with cf_<id>), else found by the description marker.
import {request, type HttpOptions} from './http.js'
import {markerIn, oldestByFingerprint, type Ticket, type TicketDraft, type Tracker, type TrackerOptions} from './tracker.js'

type Issue = {id: number; subject: string; description?: string; status: {id: number; name: string; is_closed?: boolean}; custom_fields?: {id: number; name: string; value: unknown}[]}

/** A Redmine tracker for one project (its identifier or numeric id). */
export function redmineTracker(o: TrackerOptions): Tracker {
  const http: HttpOptions = {base: o.url, name: 'redmine', headers: {'X-Redmine-API-Key': o.token}}
  const project = encodeURIComponent(o.project)
  let fieldId: number | undefined
  let closedIds = new Set<number>()
  let closeId = 0
  let reopenId = 0

  const fpOf = (i: Issue): string | undefined => {
    const cf = i.custom_fields?.find((c) => c.id === fieldId)?.value
    return typeof cf === 'string' && /^[0-9a-f]{64}$/.test(cf) ? cf : markerIn(i.description)
  }
  const toTicket = (i: Issue, fingerprint: string): Ticket => ({
    id: String(i.id), url: `${o.url.replace(/\/+$/, '')}/issues/${i.id}`, subject: i.subject, fingerprint,
    open: !(i.status.is_closed ?? closedIds.has(i.status.id)),
  })
  /** Page through an issue query, keeping issues whose stored fingerprint passes the test. */
  const issues = async (query: string, keep: (fp: string) => boolean): Promise<Ticket[]> => {
    const out: Ticket[] = []
    for (let offset = 0; ; offset += 100) {
      const {json} = await request(http, 'GET', `/issues.json?project_id=${project}&sort=id&limit=100&offset=${offset}&${query}`)
      for (const i of json.issues as Issue[]) {
        const fp = fpOf(i)
        if (fp && keep(fp)) out.push(toTicket(i, fp))
      }
      if (offset + 100 >= json.total_count) return out
    }
  }
  const update = (t: Ticket, issue: Record<string, unknown>) => request(http, 'PUT', `/issues/${t.id}.json`, {issue})

  return {
    name: 'redmine',
    async prepare() {
      const {json} = await request(http, 'GET', '/issue_statuses.json')
      const statuses = json.issue_statuses as {id: number; name: string; is_closed: boolean}[]
      closedIds = new Set(statuses.filter((s) => s.is_closed).map((s) => s.id))
      const wanted = o.closeStatus ?? 'Closed'
      const close = statuses.find((s) => s.name.toLowerCase() === wanted.toLowerCase())
      if (!close?.is_closed) throw new Error(`redmine: no closed status named "${wanted}" (closed statuses: ${statuses.filter((s) => s.is_closed).map((s) => s.name).join(', ')}); use --close-status`)
      closeId = close.id
      reopenId = statuses.find((s) => !s.is_closed)!.id
      // The project lists the issue custom fields enabled for it; the API key needs no admin right for this.
      const p = await request(http, 'GET', `/projects/${project}.json?include=issue_custom_fields`)
      fieldId = (p.json.project.issue_custom_fields as {id: number; name: string}[] | undefined)?.find((f) => f.name.toLowerCase() === 'fingerprint')?.id
    },
    usesCustomField: () => fieldId !== undefined,
    async find(fingerprint) {
      const filter = fieldId !== undefined
        ? `status_id=*&cf_${fieldId}=${fingerprint}`
        : `set_filter=1&f[]=status_id&op[status_id]=*&f[]=description&op[description]=~&v[description][]=${fingerprint}`
      // Redmine ignores a filter it cannot apply, so the stored fingerprint is checked here too.
      return oldestByFingerprint(await issues(filter, (fp) => fp === fingerprint)).get(fingerprint)
    },
    listOpen: () => issues('status_id=open', () => true),
    async create(d: TicketDraft) {
      const issue: Record<string, unknown> = {project_id: o.project, subject: d.subject, description: d.description}
      if (fieldId !== undefined) issue.custom_fields = [{id: fieldId, value: d.fingerprint}]
      const {json} = await request(http, 'POST', '/issues.json', {issue})
      return toTicket(json.issue, d.fingerprint)
    },
    comment: (t, notes, subject) => update(t, {notes, ...(subject ? {subject} : {})}).then(() => undefined),
    reopen: (t, notes, subject) => update(t, {notes, status_id: reopenId, ...(subject ? {subject} : {})}).then(() => undefined),
    async close(t, notes) {
      await update(t, {notes, status_id: closeId})
      // Redmine answers 204 even when its workflow refuses the transition: check that it happened.
      const {json} = await request(http, 'GET', `/issues/${t.id}.json`)
      if (json.issue.status.id !== closeId) throw new Error(`redmine: issue ${t.id} could not be set to "${o.closeStatus ?? 'Closed'}" (workflow of its tracker/role)`)
    },
  }
}
