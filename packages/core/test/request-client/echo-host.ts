import nock from 'nock'

export const HOST = 'https://echo.invalid'

export interface Echo {
  method: string
  path: string
  headers: Record<string, string>
  body: unknown
}

const HIDDEN = new Set(['accept', 'accept-encoding', 'connection', 'content-length', 'host'])

// Answers every request with what arrived, like the conformance fake host; `?status=NNN` picks the status.
export function startEchoHost(): void {
  for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
    nock(HOST)
      .persist()
      .intercept(/.*/, method)
      .reply(function (uri, body) {
        const headers: Record<string, string> = {}
        for (const [name, value] of Object.entries(this.req.headers)) {
          if (!HIDDEN.has(name)) headers[name] = Array.isArray(value) ? value.join(', ') : String(value)
        }
        const match = /[?&]status=(\d+)/.exec(uri)
        const echo: Echo = { method: this.req.method ?? '', path: uri, headers, body: body === '' ? null : body }
        return [match ? Number(match[1]) : 200, echo, { 'content-type': 'application/json' }]
      })
  }
}
