// Request Tracker 5 REST2 adapter (tested against Debian's request-tracker5). `--url` is RT's web root
// (http://host/rt); `--project` is the queue. Fingerprint in the queue's `Fingerprint` custom field when
// it has one (TicketSQL `CF.{Fingerprint}`); else read from the marker in the ticket's first message,
// because RT searches message content only with full-text indexing, which is off by default.
import {request, type HttpOptions} from './http.js'
import {markerIn, oldestByFingerprint, type Ticket, type Tracker, type TrackerOptions} from './tracker.js'

type Item = {id: string; Subject: string; Status: string; CustomFields?: {name: string; values: string[]}[]}
const INACTIVE = new Set(['resolved', 'rejected', 'deleted'])
const FIELDS = 'fields=Subject,Status,CustomFields'
const FP = /^[0-9a-f]{64}$/

/** An RT tracker for one queue. */
export function rtTracker(o: TrackerOptions): Tracker {
  const root = o.url.replace(/\/+$/, '')
  const http: HttpOptions = {base: `${root}/REST/2.0`, name: 'rt', headers: {Authorization: `token ${o.token}`}}
  const queue = o.project.replace(/'/g, "\\'")
  const closeStatus = o.closeStatus ?? 'resolved'
  let field = false
  let everyTicket: Promise<Ticket[]> | undefined
  const markers = new Map<string, string | undefined>()

  /** The marker in a ticket's first text message (one request per ticket, remembered). */
  const markerOf = async (id: string): Promise<string | undefined> => {
    if (!markers.has(id)) {
      const {json} = await request(http, 'GET', `/ticket/${id}/attachments?fields=Content,ContentType&per_page=5`)
      const texts = (json.items as {Content?: string}[]).map((a) => a.Content ?? '')
      markers.set(id, texts.map((t) => markerIn(t) ?? markerIn(Buffer.from(t, 'base64').toString('utf8'))).find(Boolean))
    }
    return markers.get(id)
  }
  const search = async (sql: string): Promise<Ticket[]> => {
    const out: Ticket[] = []
    for (let page = 1; ; page++) {
      const {json} = await request(http, 'GET', `/tickets?query=${encodeURIComponent(sql)}&${FIELDS}&per_page=100&page=${page}&orderby=id&order=ASC`)
      for (const i of json.items as Item[]) {
        const cf = Array.isArray(i.CustomFields) ? i.CustomFields.find((c) => c.name === 'Fingerprint')?.values[0] : undefined
        const fingerprint = field ? (cf && FP.test(cf) ? cf : undefined) : await markerOf(i.id)
        if (fingerprint) out.push({id: i.id, url: `${root}/Ticket/Display.html?id=${i.id}`, subject: i.Subject, open: !INACTIVE.has(i.Status), fingerprint})
      }
      if (page >= Number(json.pages ?? 1)) return out
    }
  }
  const mine = () => (field ? "CF.{Fingerprint} IS NOT NULL" : "Subject LIKE '[Passerelle]'")
  const put = async (t: Ticket, fields: Record<string, unknown>) => (await request(http, 'PUT', `/ticket/${t.id}`, fields)).json as string[]
  const note = (t: Ticket, Content: string) => request(http, 'POST', `/ticket/${t.id}/comment`, {Content, ContentType: 'text/plain'})

  return {
    name: 'rt',
    async prepare() {
      const {json} = await request(http, 'GET', `/queue/${encodeURIComponent(o.project)}`)
      field = (json.TicketCustomFields as {name: string}[] ?? []).some((f) => f.name === 'Fingerprint')
    },
    usesCustomField: () => field,
    async find(fingerprint) {
      // Without the field every Passerelle ticket of the queue is read once per run, then looked up here.
      const found = field ? search(`Queue = '${queue}' AND CF.{Fingerprint} = '${fingerprint}'`) : (everyTicket ??= search(`Queue = '${queue}' AND ${mine()}`))
      return oldestByFingerprint((await found).filter((t) => t.fingerprint === fingerprint)).get(fingerprint)
    },
    listOpen: () => search(`Queue = '${queue}' AND Status = '__Active__' AND ${mine()}`),
    async create(d) {
      const body: Record<string, unknown> = {Queue: o.project, Subject: d.subject, Content: d.description, ContentType: 'text/plain'}
      if (field) body.CustomFields = {Fingerprint: d.fingerprint}
      const {json} = await request(http, 'POST', '/ticket', body)
      markers.set(String(json.id), d.fingerprint)
      return {id: String(json.id), url: `${root}/Ticket/Display.html?id=${json.id}`, subject: d.subject, open: true, fingerprint: d.fingerprint}
    },
    async comment(t, body, subject) {
      await note(t, body)
      if (subject) await put(t, {Subject: subject})
    },
    async reopen(t, body, subject) {
      await put(t, {Status: 'open', ...(subject ? {Subject: subject} : {})})
      await note(t, body)
    },
    async close(t, body) {
      await note(t, body)
      const said = await put(t, {Status: closeStatus})
      // RT answers 200 with a list of messages even when the lifecycle refuses the change.
      if (!said.some((m) => /Status changed/i.test(m))) throw new Error(`rt: ticket ${t.id} not set to "${closeStatus}": ${said.join('; ')}`)
    },
  }
}
