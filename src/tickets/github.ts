// GitHub Issues adapter: the fingerprint is an HTML-comment marker in the body; Passerelle's issues carry
// the `passerelle` label (listed reliably), and a closed issue is found through the search API. Writes are
// paced under GitHub's secondary limit (80 content-creating requests a minute).
import {request, type HttpOptions} from './http.js'
import {markerIn, oldestByFingerprint, type Ticket, type Tracker, type TrackerOptions} from './tracker.js'

type Issue = {number: number; title: string; state: string; body?: string | null; html_url: string; pull_request?: unknown}

/** A GitHub tracker for one repository (`--project owner/repo`). */
export function githubTracker(o: TrackerOptions): Tracker {
  if (!/^[\w.-]+\/[\w.-]+$/.test(o.project)) throw new Error(`github: --project must be owner/repo, not "${o.project}"`)
  const http: HttpOptions = {
    base: o.url, name: 'github', writeGapMs: o.writeGapMs ?? 800,
    headers: {Authorization: `Bearer ${o.token}`, Accept: 'application/vnd.github+json', 'X-GitHub-Api-Version': '2022-11-28', 'User-Agent': 'passerelle'},
  }
  const repo = `/repos/${o.project}`
  const toTicket = (i: Issue): Ticket | undefined => {
    const fingerprint = markerIn(i.body)
    return fingerprint && !i.pull_request ? {id: String(i.number), url: i.html_url, subject: i.title, open: i.state === 'open', fingerprint} : undefined
  }
  const patch = (t: Ticket, fields: Record<string, unknown>) => request(http, 'PATCH', `${repo}/issues/${t.id}`, fields)
  const note = (t: Ticket, body: string) => request(http, 'POST', `${repo}/issues/${t.id}/comments`, {body})

  return {
    name: 'github',
    async prepare() {},
    usesCustomField: () => false,
    async find(fingerprint) {
      const q = encodeURIComponent(`repo:${o.project} is:issue "${fingerprint}" in:body`)
      const {json} = await request(http, 'GET', `/search/issues?q=${q}&per_page=100`)
      const found = (json.items as Issue[]).map(toTicket).filter((t): t is Ticket => t?.fingerprint === fingerprint)
      return oldestByFingerprint(found).get(fingerprint)
    },
    async listOpen() {
      const out: Ticket[] = []
      for (let page = 1; ; page++) {
        const {json} = await request(http, 'GET', `${repo}/issues?state=open&labels=passerelle&per_page=100&page=${page}`)
        for (const i of json as Issue[]) {
          const t = toTicket(i)
          if (t) out.push(t)
        }
        if ((json as Issue[]).length < 100) return out
      }
    },
    async create(d) {
      const {json} = await request(http, 'POST', `${repo}/issues`, {title: d.subject, body: d.description, labels: ['passerelle', `severity:${d.severity}`]})
      return {id: String(json.number), url: json.html_url, subject: json.title, open: true, fingerprint: d.fingerprint}
    },
    async comment(t, body, subject) {
      await note(t, body)
      if (subject) await patch(t, {title: subject})
    },
    async reopen(t, body, subject) {
      await patch(t, {state: 'open', ...(subject ? {title: subject} : {})})
      await note(t, body)
    },
    async close(t, body) {
      await note(t, body)
      await patch(t, {state: 'closed', state_reason: 'completed'})
    },
  }
}
