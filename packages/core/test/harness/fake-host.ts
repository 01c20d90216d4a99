// The conformance fake host: answers every request to https://conformance.invalid with a JSON
// description of what arrived (method, path with query, headers, body).
import nock from 'nock'

const DROPPED_HEADERS = new Set(['accept', 'accept-encoding', 'connection', 'content-length', 'host'])

function parseBody(body: unknown): unknown {
  if (body === undefined || body === null || body === '') return null
  if (typeof body !== 'string') return body
  try {
    return JSON.parse(body)
  } catch {
    return body
  }
}

export function startFakeHost(status: number): nock.Scope {
  const scope = nock('https://conformance.invalid').persist()
  for (const method of ['get', 'post', 'put', 'patch', 'delete', 'head'] as const) {
    scope[method](() => true).reply(function (uri, body) {
      const headers: Record<string, string> = {}
      const raw = this.req.headers as Record<string, string | string[]>
      for (const name of Object.keys(raw)) {
        const lower = name.toLowerCase()
        if (DROPPED_HEADERS.has(lower)) continue
        const value = raw[name]
        headers[lower] = Array.isArray(value) ? value.join(', ') : String(value)
      }
      return [
        status,
        { method: this.req.method, path: uri, headers, body: parseBody(body) },
        { 'content-type': 'application/json' }
      ]
    })
  }
  return scope
}
