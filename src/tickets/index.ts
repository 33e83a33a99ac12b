// The trackers Passerelle syncs with, by name, and where each one reads its credential from.
import {githubTracker} from './github.js'
import {gitlabTracker} from './gitlab.js'
import {redmineTracker} from './redmine.js'
import {rtTracker} from './rt.js'
import type {Tracker, TrackerOptions} from './tracker.js'

export type {Ticket, TicketGroup, Tracker} from './tracker.js'
export {renderJiraCsv} from './jira-csv.js'
export {summaryLine, syncTickets, type SyncOutcome} from './sync.js'

type Entry = {make: (o: TrackerOptions) => Tracker; env: string; defaultUrl?: string; html: boolean}

/** Tracker name → adapter, the environment variable holding its token, and its usual URL. */
export const TRACKERS: Record<string, Entry> = {
  redmine: {make: redmineTracker, env: 'REDMINE_API_KEY', html: false},
  rt: {make: rtTracker, env: 'RT_TOKEN', html: false},
  github: {make: githubTracker, env: 'GITHUB_TOKEN', defaultUrl: 'https://api.github.com', html: true},
  gitlab: {make: gitlabTracker, env: 'GITLAB_TOKEN', defaultUrl: 'https://gitlab.com', html: true},
}

/** Build the adapter; the token comes only from the environment and is never echoed back. */
export function openTracker(name: string, o: {url?: string; project: string; closeStatus?: string}, env: NodeJS.ProcessEnv): {tracker: Tracker; html: boolean} {
  const entry = TRACKERS[name]
  if (!entry) throw new Error(`unknown tracker "${name}" (known: ${Object.keys(TRACKERS).join(', ')})`)
  const token = env[entry.env]
  if (!token) throw new Error(`${name}: set ${entry.env} in the environment (the token is read only from there)`)
  const url = o.url ?? entry.defaultUrl
  if (!url) throw new Error(`${name}: --url is required`)
  if (!/^https?:\/\//.test(url)) throw new Error(`${name}: --url must start with http:// or https://, not "${url}"`)
  return {tracker: entry.make({url, project: o.project, token, closeStatus: o.closeStatus}), html: entry.html}
}
