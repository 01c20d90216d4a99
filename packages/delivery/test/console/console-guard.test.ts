// The console's safety: Host and Origin checks, the Content-Security-Policy, no CORS, the admin
// token beyond loopback; and the live debugger stream.
import http from 'http'
import { item, startHarness, type Harness } from './console-fixtures'

let harness: Harness
afterEach(async () => {
  await harness?.close()
})

describe('on loopback', () => {
  beforeEach(async () => {
    harness = await startHarness()
  })

  it('sends a CSP and no CORS headers, and needs no login', async () => {
    const answer = await harness.request('GET', '/console-api/session')
    expect(answer.json).toEqual({ needsLogin: false, loggedIn: true })
    expect(answer.headers['content-security-policy']).toMatch(/default-src 'self'.*frame-ancestors 'none'/)
    expect(answer.headers['x-content-type-options']).toBe('nosniff')
    expect(answer.headers['access-control-allow-origin']).toBeUndefined()
    const page = await harness.request('GET', '/')
    expect(page.status).toBe(503)
    expect(page.text).toMatch(/not built/)
    expect(page.headers['content-security-policy']).toBeDefined()
  })

  it('refuses a foreign Host (DNS rebinding) and cross-site writes', async () => {
    const rebound = await harness.request('GET', '/console-api/destinations', {
      headers: { host: 'attacker.example:80' }
    })
    expect(rebound.status).toBe(403)
    expect(rebound.text).toMatch(/attacker\.example/)
    const crossSite = await harness.request('POST', '/console-api/dead-letters/replay', {
      headers: { origin: 'https://attacker.example' },
      body: { all: true }
    })
    expect(crossSite.status).toBe(403)
    const sameSite = await harness.request('POST', '/console-api/dead-letters/replay', {
      headers: { origin: harness.url },
      body: { all: true }
    })
    expect(sameSite.json).toEqual({ replayed: 0 })
    const unknown = await harness.request('GET', '/console-api/nothing-here')
    expect(unknown.status).toBe(404)
    expect(unknown.json.error.message).toMatch(/no such console API route/)
  })

  it('streams each newly stored event once to every open debugger, and ends the streams on close', async () => {
    await harness.store.ingest([item('track', 'Before', Date.now())], 60_000, () => [])
    const open = async () => {
      const stream = await new Promise<http.IncomingMessage>((resolve, reject) => {
        const req = http.get({ host: '127.0.0.1', port: harness.port, path: '/console-api/events/stream' }, resolve)
        req.on('error', reject)
      })
      expect(stream.headers['content-type']).toBe('text/event-stream')
      const names: string[] = []
      const ready = { seen: false }
      let buffer = ''
      stream.setEncoding('utf8')
      stream.on('data', (chunk: string) => {
        buffer += chunk
        const blocks = buffer.split('\n\n')
        buffer = blocks.pop() ?? ''
        for (const block of blocks) {
          if (block.startsWith('event: ready')) ready.seen = true
          const data = /^event: received\ndata: (.*)$/m.exec(block)
          if (data) names.push(JSON.parse(data[1]).name)
        }
      })
      const ended = new Promise<void>((resolve) => stream.on('end', resolve))
      return { names, ready, ended }
    }
    const first = await open()
    const second = await open()
    // Once a stream says it is ready, everything stored later reaches it.
    const deadline = Date.now() + 3000
    while (!(first.ready.seen && second.ready.seen) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    expect([first.ready.seen, second.ready.seen]).toEqual([true, true])
    await harness.store.ingest([item('track', 'After', Date.now())], 60_000, () => [])
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(first.names).toEqual(['After'])
    expect(second.names).toEqual(['After'])
    harness.console.close()
    await Promise.all([first.ended, second.ended])
  })
})

describe('beyond loopback', () => {
  const token = 'admin-token-7c1d'
  beforeEach(async () => {
    harness = await startHarness({ listenHost: '0.0.0.0', adminToken: token })
  })

  it('asks for the admin token, by bearer header or by the login cookie', async () => {
    expect((await harness.request('GET', '/console-api/session')).json).toEqual({ needsLogin: true, loggedIn: false })
    const refused = await harness.request('GET', '/console-api/destinations')
    expect(refused.status).toBe(401)
    const wrong = await harness.request('POST', '/console-api/login', { body: { token: 'nope' } })
    expect(wrong.status).toBe(401)
    const bearer = await harness.request('GET', '/console-api/destinations', {
      headers: { authorization: `Bearer ${token}` }
    })
    expect(bearer.status).toBe(200)
    const login = await harness.request('POST', '/console-api/login', { body: { token } })
    const cookie = String(login.headers['set-cookie']).split(';')[0]
    expect(cookie).not.toContain(token)
    expect(String(login.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/)
    const withCookie = await harness.request('GET', '/console-api/destinations', { headers: { cookie } })
    expect(withCookie.status).toBe(200)
  })
})
