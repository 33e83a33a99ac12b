// GitLab Issues adapter (REST v4): the fingerprint is an HTML-comment marker in the description, found
// with `search=<fp>&in=description`; Passerelle's issues carry the `passerelle` label.
import {request, type HttpOptions} from './http.js'
import {markerIn, oldestByFingerprint, type Ticket, type Tracker, type TrackerOptions} from './tracker.js'

type Issue = {iid: number; title: string; state: string; description?: string | null; web_url: string}

/** A GitLab tracker for one project (`--project` numeric id or group/name path). */
export function gitlabTracker(o: TrackerOptions): Tracker {
  const http: HttpOptions = {base: `${o.url.replace(/\/+$/, '')}/api/v4`, name: 'gitlab', headers: {'PRIVATE-TOKEN': o.token}}
  const issues = `/projects/${encodeURIComponent(o.project)}/issues`
  const toTicket = (i: Issue): Ticket | undefined => {
    const fingerprint = markerIn(i.description)
    return fingerprint ? {id: String(i.iid), url: i.web_url, subject: i.title, open: i.state === 'opened', fingerprint} : undefined
  }
  const list = async (query: string): Promise<Ticket[]> => {
    const out: Ticket[] = []
    for (let page = 1; ; page++) {
      const {json} = await request(http, 'GET', `${issues}?${query}&per_page=100&page=${page}`)
      for (const i of json as Issue[]) {
        const t = toTicket(i)
        if (t) out.push(t)
      }
      if ((json as Issue[]).length < 100) return out
    }
  }
  const put = (t: Ticket, fields: Record<string, unknown>) => request(http, 'PUT', `${issues}/${t.id}`, fields)
  const note = (t: Ticket, body: string) => request(http, 'POST', `${issues}/${t.id}/notes`, {body})

  return {
    name: 'gitlab',
    async prepare() {},
    usesCustomField: () => false,
    async find(fingerprint) {
      const found = await list(`search=${fingerprint}&in=description&state=all`)
      return oldestByFingerprint(found.filter((t) => t.fingerprint === fingerprint)).get(fingerprint)
    },
    listOpen: () => list('labels=passerelle&state=opened'),
    async create(d) {
      const {json} = await request(http, 'POST', issues, {title: d.subject, description: d.description, labels: `passerelle,severity::${d.severity}`})
      return {id: String(json.iid), url: json.web_url, subject: json.title, open: true, fingerprint: d.fingerprint}
    },
    async comment(t, body, subject) {
      await note(t, body)
      if (subject) await put(t, {title: subject})
    },
    async reopen(t, body, subject) {
      await put(t, {state_event: 'reopen', ...(subject ? {title: subject} : {})})
      await note(t, body)
    },
    async close(t, body) {
      await note(t, body)
      await put(t, {state_event: 'close'})
    },
  }
}
