// A destination API for tests: node http on 127.0.0.1 (random port), records every request, and
// answers per path from a script (status, headers, body, delay) — slow answers, 500s, 429 with
// Retry-After. Unscripted requests get 200 `{"ok":true}`.
import { createServer } from 'http'
import type { IncomingHttpHeaders, Server } from 'http'
import type { AddressInfo } from 'net'

export interface RecordedRequest {
  method: string
  path: string
  headers: IncomingHttpHeaders
  body: string
  /** Milliseconds since the server started, when the request arrived. */
  at: number
}

export interface FakeAnswer {
  status?: number
  headers?: Record<string, string>
  body?: string | object
  /** Wait this long before answering. */
  delayMs?: number
}

/** Answers in order (the last one repeats), or a function of the request. */
export type Script = FakeAnswer[] | ((request: RecordedRequest, index: number) => FakeAnswer)

export interface FakeDestinationApi {
  url: string
  requests: RecordedRequest[]
  /** Requests being answered right now, and the most at once so far. */
  inFlight: number
  maxInFlight: number
  script(path: string, answers: Script): void
  requestsTo(path: string): RecordedRequest[]
  close(): Promise<void>
}

export async function startFakeDestinationApi(): Promise<FakeDestinationApi> {
  const scripts = new Map<string, Script>()
  const counts = new Map<string, number>()
  const started = Date.now()
  const timers = new Set<ReturnType<typeof setTimeout>>()
  const api: FakeDestinationApi = {
    url: '',
    requests: [],
    inFlight: 0,
    maxInFlight: 0,
    script: (path, answers) => {
      scripts.set(path, answers)
      counts.set(path, 0)
    },
    requestsTo: (path) => api.requests.filter((request) => request.path === path),
    close: () => {
      for (const timer of timers) clearTimeout(timer)
      return new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
    }
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0]
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now() - started
      }
      api.requests.push(recorded)
      const index = counts.get(path) ?? 0
      counts.set(path, index + 1)
      const script = scripts.get(path)
      const answer: FakeAnswer =
        script === undefined
          ? {}
          : typeof script === 'function'
            ? script(recorded, index)
            : (script[Math.min(index, script.length - 1)] ?? {})
      api.inFlight++
      api.maxInFlight = Math.max(api.maxInFlight, api.inFlight)
      const reply = () => {
        api.inFlight--
        const body = answer.body ?? { ok: true }
        const text = typeof body === 'string' ? body : JSON.stringify(body)
        res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers })
        res.end(text)
      }
      if (answer.delayMs) {
        const timer = setTimeout(() => {
          timers.delete(timer)
          reply()
        }, answer.delayMs)
        timers.add(timer)
      } else reply()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  api.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return api
}
