import type { AddressInfo } from 'net'
import type { Server } from 'http'
import { createServer } from '../src/lib/server/create-server'
import type { RuntimeDestination } from '../src/lib/core-runtime'
import { CONTENT_SECURITY_POLICY } from '../src/lib/server/request-guard'
import { rawRequest } from './helpers/raw-request'

// Enough of a destination for the routes: one action that records what it was given.
function fakeDestination(calls: unknown[]): RuntimeDestination {
  return {
    definition: { name: 'Guarded', actions: { send: { title: 'Send', fields: { name: { type: 'string' } } } } },
    responses: [],
    actions: {
      send: {
        execute: async (bundle) => {
          calls.push(bundle.data)
          return []
        }
      }
    },
    testAuthentication: async () => undefined,
    refreshAccessToken: async () => undefined
  }
}

describe('serve refuses what a hostile page could send (#16.1, #17.7)', () => {
  let server: Server
  let port: number
  const calls: unknown[] = []
  const lines: string[] = []
  const url = (path: string) => `http://127.0.0.1:${port}${path}`
  const json = { 'content-type': 'application/json' }

  beforeAll(async () => {
    const app = createServer({
      destination: fakeDestination(calls),
      webDirectory: '/nonexistent-web-dir',
      onRequest: (line) => lines.push(line)
    })
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening))
    })
    port = (server.address() as AddressInfo).port
  })
  afterAll(async () => {
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })

  it('refuses a Host that is not the listening address (DNS rebinding), with nothing run', async () => {
    const before = calls.length
    for (const host of [
      'evil.example',
      `evil.example:${port}`,
      `127.0.0.1:${port + 1}`,
      `localhost.evil.example:${port}`
    ]) {
      const answer = await rawRequest(url('/send'), {
        method: 'POST',
        headers: { ...json, host },
        body: JSON.stringify({ payload: { name: 'x' } })
      })
      expect([host, answer.status]).toEqual([host, 403])
      expect(JSON.parse(answer.text).error.message).toContain(`Host "${host}" is not this server`)
    }
    expect(calls.length).toBe(before)
    // The log says why, so the author sees it in the terminal too.
    expect(lines).toContain(
      `POST /send -> 403: Host "evil.example" is not this server: use one of localhost:${port}, 127.0.0.1:${port}, [::1]:${port} ` +
        '(requests for other names are refused to block DNS rebinding; pass --host to listen elsewhere)'
    )
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) {
      expect((await rawRequest(url('/manifest'), { headers: { host } })).status).toBe(200)
    }
  })

  it('refuses cross-site Origins and cross-site writes, accepts its own page', async () => {
    const send = (headers: Record<string, string>) =>
      rawRequest(url('/send'), { method: 'POST', headers: { ...json, ...headers }, body: '{"payload":{"name":"a"}}' })
    for (const origin of [
      'https://evil.example',
      `http://evil.example:${port}`,
      'null',
      `http://127.0.0.1:${port + 1}`
    ]) {
      const answer = await send({ origin })
      expect([origin, answer.status]).toEqual([origin, 403])
    }
    expect((await send({ 'sec-fetch-site': 'cross-site' })).status).toBe(403)
    expect((await send({ origin: `http://127.0.0.1:${port}` })).status).toBe(200)
    expect((await send({ origin: `http://localhost:${port}`, 'sec-fetch-site': 'same-origin' })).status).toBe(200)
    // A link from elsewhere still opens the page (a GET changes nothing).
    expect((await rawRequest(url('/manifest'), { headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(200)
  })

  it('sends a Content-Security-Policy and X-Frame-Options on every answer', async () => {
    for (const path of ['/', '/manifest', '/nope']) {
      const answer = await rawRequest(url(path), {})
      expect(answer.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
      expect(answer.headers['x-frame-options']).toBe('DENY')
    }
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'")
  })

  it('answers a body without content-type, or not JSON, or not UTF-8, with 415 saying to send JSON', async () => {
    const body = JSON.stringify({ payload: { name: 'a' } })
    const cases: Array<[Record<string, string>, string]> = [
      [{}, 'the body has no content-type; send JSON with "content-type: application/json"'],
      [{ 'content-type': 'text/plain' }, 'content-type "text/plain" is not JSON'],
      [{ 'content-type': 'application/json; charset=utf-7' }, 'charset "utf-7" is not supported; send JSON in UTF-8'],
      [{ 'content-type': 'application/json; charset=UTF-16' }, 'charset "utf-16" is not supported'],
      [{ 'content-type': 'application/json; charset=latin1' }, 'charset "latin1" is not supported']
    ]
    for (const [headers, message] of cases) {
      const answer = await rawRequest(url('/send'), { method: 'POST', headers, body })
      expect([headers, answer.status]).toEqual([headers, 415])
      expect(JSON.parse(answer.text).error.message).toContain(`POST /send: ${message}`)
    }
    const utf8 = await rawRequest(url('/send'), {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body
    })
    expect(utf8.status).toBe(200)
    // No body at all is fine: the route's own defaults apply.
    expect((await rawRequest(url('/send'), { method: 'POST' })).status).toBe(200)
  })

  it('answers unknown routes and methods with JSON, never an HTML page', async () => {
    for (const [method, path] of [
      ['GET', '/send'],
      ['PUT', '/manifest'],
      ['DELETE', '/send'],
      ['GET', '/no/such/route'],
      ['PATCH', '/tester-api/subscriptions']
    ]) {
      const answer = await rawRequest(url(path), { method })
      expect([method, path, answer.status]).toEqual([method, path, 404])
      expect(answer.headers['content-type']).toContain('application/json')
      expect(JSON.parse(answer.text).error.message).toContain(`No route ${method} ${path}`)
      expect(lines.some((line) => line.startsWith(`${method} ${path} -> 404: No route`))).toBe(true)
    }
  })
})
