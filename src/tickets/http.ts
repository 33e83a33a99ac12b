// A small JSON-over-HTTP client on Node's fetch for the adapters: one error message naming the tracker,
// method, path and status (never the credentials), and bounded waits on 429/503 rate limits.
export type HttpOptions = {base: string; name: string; headers: Record<string, string>}
export type HttpResponse = {status: number; json: any; headers: Headers}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Call the tracker; throw on any status outside 2xx with the tracker's own error message. */
export async function request(http: HttpOptions, method: string, path: string, body?: unknown): Promise<HttpResponse> {
  const url = path.startsWith('http') ? path : http.base.replace(/\/+$/, '') + path
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
    if ((res.status === 429 || res.status === 503) && attempt < 3) {
      const wait = Number(res.headers.get('retry-after') ?? 1)
      await sleep(Math.min(Number.isFinite(wait) ? wait : 1, 30) * 1000)
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
      const hint = res.status === 401 || res.status === 403 ? ' (check the token in the environment)' : res.status >= 300 && res.status < 400 ? ' (redirected: check --url)' : ''
      throw new Error(`${http.name}: ${method} ${new URL(url).pathname} answered HTTP ${res.status}${hint}: ${why}`)
    }
    return {status: res.status, json, headers: res.headers}
  }
}
