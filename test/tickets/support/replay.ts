// A local HTTP server that replays recorded tracker exchanges in order on 127.0.0.1: each request must
// match the next exchange (method, path with query, and the body fields the recording lists).
import {createServer} from 'node:http'
import type {AddressInfo} from 'node:net'
import {isDeepStrictEqual} from 'node:util'

export type Exchange = {method: string; path: string; body?: Record<string, unknown>; status: number; response?: unknown; headers?: Record<string, string>}
export type Replay = {url: string; seen: {method: string; path: string; headers: Record<string, unknown>; body: unknown}[]; mismatches: string[]; remaining: () => number; close: () => Promise<void>}

/** Start replaying; a request that does not match the next exchange gets a 599 and is recorded in mismatches. */
export async function replay(exchanges: Exchange[]): Promise<Replay> {
  const queue = [...exchanges]
  const seen: Replay['seen'] = []
  const mismatches: string[] = []
  const server = createServer((req, res) => {
    let text = ''
    req.on('data', (c) => (text += c))
    req.on('end', () => {
      const body = text ? JSON.parse(text) : undefined
      seen.push({method: req.method!, path: req.url!, headers: req.headers, body})
      const next = queue[0]
      const bodyOk = !next?.body || Object.entries(next.body).every(([k, v]) => isDeepStrictEqual(body?.[k], v))
      if (!next || next.method !== req.method || next.path !== req.url || !bodyOk) {
        mismatches.push(`got ${req.method} ${req.url} ${text.slice(0, 200)}; expected ${next ? `${next.method} ${next.path} ${JSON.stringify(next.body ?? {})}` : 'nothing more'}`)
        res.writeHead(599).end()
        return
      }
      queue.shift()
      res.writeHead(next.status, {'Content-Type': 'application/json', ...next.headers})
      res.end(next.response === undefined ? '' : JSON.stringify(next.response))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`, seen, mismatches, remaining: () => queue.length,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
