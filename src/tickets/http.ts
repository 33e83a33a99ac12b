// A small JSON-over-HTTP client on Node's fetch for the adapters: one error message naming the tracker,
// method, path and status (never the credentials), bounded waits on rate limits (429/503, and GitHub's
// 403 with retry-after or an exhausted x-ratelimit-remaining), and an optional gap between writes.
export type HttpOptions = {base: string; name: string; headers: Record<string, string>; writeGapMs?: number}
export type HttpResponse = {status: number; json: any; headers: Headers}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const lastWrite = new WeakMap<HttpOptions, number>()

/** How long the tracker asks us to wait before retrying, in ms; undefined when it is not a rate limit. */
export function rateLimitWait(status: number, headers: Headers, now = Date.now()): number | undefined {
  const after = headers.get('retry-after')
  const reset = headers.get('x-ratelimit-reset')
  const limited = status === 429 || status === 503 || (status === 403 && (after !== null || headers.get('x-ratelimit-remaining') === '0'))
  if (!limited) return undefined
  if (after !== null && Number.isFinite(Number(after))) return Number(after) * 1000
  if (reset !== null && Number.isFinite(Number(reset))) return Math.max(0, Number(reset) * 1000 - now)
  return 1000
}

/** Call the tracker; throw on any status outside 2xx with the tracker's own error message. */
export async function request(http: HttpOptions, method: string, path: string, body?: unknown): Promise<HttpResponse> {
  const url = path.startsWith('http') ? path : http.base.replace(/\/+$/, '') + path
  if (method !== 'GET' && http.writeGapMs) {
    // Content-creating requests are paced (GitHub: at most 80 a minute).
    const wait = (lastWrite.get(http) ?? 0) + http.writeGapMs - Date.now()
    if (wait > 0) await sleep(wait)
    lastWrite.set(http, Date.now())
  }
  for (let attempt = 0; ; attempt++) {
    let res: Response
    try {
      res = await fetch(url, {
        method, redirect: 'manual',
        headers: {Accept: 'application/json', ...(body === undefined ? {} : {'Content-Type': 'application/json'}), ...http.headers},
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    } catch (e) {
      throw new Error(`${http.name}: cannot reach ${new URL(url).origin} (${(e as Error).cause ?? (e as Error).message})`)
    }
    const wait = rateLimitWait(res.status, res.headers)
    if (wait !== undefined && attempt < 3 && wait <= 120_000) {
      await res.body?.cancel()
      await sleep(wait)
      continue
    }
    const text = await res.text()
    let json: any
    try {
      json = text ? JSON.parse(text) : undefined
    } catch {
      json = undefined
    }
    if (res.status < 200 || res.status > 299) {
      const why = json ? JSON.stringify(json.errors ?? json.message ?? json).slice(0, 300) : text.slice(0, 200).replace(/\s+/g, ' ')
      const hint = wait !== undefined ? ' (rate limited; try again later)' : res.status === 401 || res.status === 403 ? ' (check the token in the environment)' : res.status >= 300 && res.status < 400 ? ' (redirected: check --url)' : ''
      throw new Error(`${http.name}: ${method} ${new URL(url).pathname} answered HTTP ${res.status}${hint}: ${why}`)
    }
    return {status: res.status, json, headers: res.headers}
  }
}
