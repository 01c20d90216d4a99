import fs from 'fs'
import http from 'http'
import type { AddressInfo } from 'net'
import os from 'os'
import path from 'path'
import { startWebhookTester, type TesterServer } from './helpers/webhook-tester'

jest.setTimeout(30_000)

// A partner on 127.0.0.1 that echoes the request back, so secrets come back in the response too.
async function startEcho() {
  const received: string[] = []
  const server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', () => {
      received.push(req.url ?? '')
      res.writeHead(200, { 'content-type': 'application/json', 'x-auth': 'server-said-this' })
      res.end(JSON.stringify({ url: req.url, headers: req.headers, body }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  }
}

const SECRET = 'shared-secret-value-42'
const TRACK = { type: 'track', event: 'Signed Up', userId: 'u1', properties: { plan: 'pro' } }

describe('Actions Tester routes on the Webhook destination: limits, settings, redaction (#16, #17)', () => {
  let dir: string
  let echo: Awaited<ReturnType<typeof startEcho>>
  let tester: TesterServer

  const call = async (method: string, route: string, body?: unknown) => {
    const res = await fetch(`${tester.url}${route}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body)
    })
    return { status: res.status, text: await res.clone().text(), json: (await res.json()) as Record<string, any> }
  }
  const subscription = (mapping: Record<string, unknown> = {}) => ({
    name: 'All',
    enabled: true,
    subscribe: 'type = "track"',
    partnerAction: 'send',
    mapping: { url: `${echo.url}/hook`, method: 'POST', data: { '@path': '$.properties' }, ...mapping }
  })

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tester-hardening-'))
    echo = await startEcho()
    tester = await startWebhookTester({
      subscriptionsFile: path.join(dir, 'dest', '.tester-subscriptions.json'),
      webDirectory: path.join(dir, 'web'),
      projectRoot: dir
    })
    fs.mkdirSync(path.join(dir, 'dest'))
    fs.mkdirSync(path.join(dir, 'web', 'assets'), { recursive: true })
  })
  afterAll(async () => {
    await tester.close()
    await echo.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('refuses a delivery of 5,000 events with 413 naming the cap, sending nothing', async () => {
    const events = Array.from({ length: 5000 }, () => TRACK)
    const big = await call('POST', '/tester-api/deliver', { subscription: subscription(), events })
    expect(big.status).toBe(413)
    expect(big.json.error.message).toBe(
      'POST /tester-api/deliver: "events" may hold at most 1000 events per request (got 5000); send fewer'
    )
    const oneByOne = await call('POST', '/tester-api/deliver', {
      subscription: subscription(),
      events: events.slice(0, 101)
    })
    expect(oneByOne.status).toBe(413)
    expect(oneByOne.json.error.message).toContain('this delivery would make 101 calls to the action')
    expect(oneByOne.json.error.message).toContain('the limit is 100 per request')
    expect(echo.received).toHaveLength(0)
    // The same events as a batch are one call.
    const batch = await call('POST', '/tester-api/deliver', {
      subscription: subscription(),
      events: events.slice(0, 101),
      batch: true,
      batchSize: 1000
    })
    expect(batch.status).toBe(200)
    expect(echo.received).toHaveLength(1)
  })

  it('answers a setting of the wrong type with 400 naming it, instead of a 500 from createHmac', async () => {
    const before = echo.received.length
    const direct = await call('POST', '/send', {
      payload: { url: `${echo.url}/hook`, method: 'POST', data: {} },
      settings: { sharedSecret: { o: 1 } }
    })
    expect(direct.status).toBe(400)
    expect(direct.json.error).toMatchObject({ field: 'settings.sharedSecret' })
    expect(direct.json.error.message).toBe(
      'POST /send: invalid settings: settings.sharedSecret: Shared Secret must be a string but it was an object.'
    )
    const delivered = await call('POST', '/tester-api/deliver', {
      subscription: subscription(),
      events: [TRACK],
      settings: { sharedSecret: ['a', 'b'] }
    })
    expect(delivered.status).toBe(400)
    expect(delivered.json.error.field).toBe('settings.sharedSecret')
    expect(echo.received.length).toBe(before)
  })

  it('masks secrets in the exchanges: query parameters, headers, body fields and the password setting', async () => {
    const { status, json, text } = await call('POST', '/tester-api/deliver', {
      subscription: subscription({
        url: `${echo.url}/hook?api_key=query-key-1&token=query-token-2&page=3`,
        headers: { 'X-Auth': 'header-auth-3', 'X-Note': `note ${SECRET}` },
        data: { apiKey: 'body-key-4', note: `echo ${SECRET}`, plan: { '@path': '$.properties.plan' } }
      }),
      events: [TRACK],
      settings: { sharedSecret: SECRET }
    })
    expect(status).toBe(200)
    expect(json.results).toEqual([{ index: 0, outcome: 'delivered' }])
    const [exchange] = json.exchanges
    expect(exchange.request.url).toBe(`${echo.url}/hook?api_key=********&token=********&page=3`)
    expect(exchange.request.headers).toMatchObject({
      'x-auth': '********',
      'x-note': 'note ********',
      'x-signature': '********'
    })
    expect(exchange.request.body).toEqual({ apiKey: '********', note: 'echo ********', plan: 'pro' })
    expect(exchange.response.headers['x-auth']).toBe('********')
    for (const secret of ['query-key-1', 'query-token-2', 'header-auth-3', 'body-key-4', SECRET, 'server-said-this']) {
      expect([secret, text.includes(secret) ? text : '']).toEqual([secret, ''])
    }
  })

  it('masks URL user info in errors and exchanges', async () => {
    const url = echo.url.replace('http://', 'http://ada:url-password-5@')
    const { json, text } = await call('POST', '/send', {
      payload: { url: `${url}/hook`, method: 'POST', data: {} },
      settings: {}
    })
    expect(text).not.toContain('url-password-5')
    expect(JSON.stringify(json)).toContain('http://********@')
  })

  it('shows paths relative to the project: the subscriptions file and 404 answers', async () => {
    const saved = await call('GET', '/tester-api/subscriptions')
    expect(saved.json.file).toBe(path.join('dest', '.tester-subscriptions.json'))
    const missing = await call('GET', '/assets/missing.js')
    expect(missing.status).toBe(404)
    expect(missing.json.error.message).toBe('No file at GET /assets/missing.js')
    expect(missing.text).not.toContain(dir)
  })

  it('checks saved mappings like imports, and warns about a mapping key that is not a field', async () => {
    const bad = await call('PUT', '/tester-api/subscriptions', {
      subscriptions: [subscription(), subscription({ data: { '@nope': 1 } })]
    })
    expect(bad.status).toBe(400)
    expect(bad.json.error.field).toBe('subscriptions[1].mapping')
    expect(bad.json.error.message).toContain('subscriptions[1].mapping is invalid:')
    expect(bad.json.error.message).toContain('@nope')

    const typo = subscription({ urll: 'https://example.com' })
    const saved = await call('PUT', '/tester-api/subscriptions', { subscriptions: [typo] })
    expect(saved.status).toBe(200)
    expect(saved.json.warnings).toEqual([
      'subscriptions[0]: mapping key "urll" is not a field of action "send" and is ignored; the closest field is "url"'
    ])
    const tested = await call('POST', '/tester-api/test-mapping', {
      action: 'send',
      mapping: { ...typo.mapping, dat: 'x', hedaers: {} },
      event: TRACK
    })
    expect(tested.json.warnings).toEqual([
      'mapping key "urll" is not a field of action "send" and is ignored; the closest field is "url"',
      'mapping key "dat" is not a field of action "send" and is ignored; the closest field is "data"',
      'mapping key "hedaers" is not a field of action "send" and is ignored; the closest field is "headers"'
    ])
  })

  it('still reads a saved file whose mapping no longer validates, and refuses to save it unchanged', async () => {
    const saved = path.join(dir, 'old', '.tester-subscriptions.json')
    fs.mkdirSync(path.dirname(saved))
    const list = [subscription({ data: { '@nope': 1 } })]
    fs.writeFileSync(saved, JSON.stringify(list))
    const other = await startWebhookTester({ subscriptionsFile: saved, webDirectory: path.join(dir, 'web') })
    try {
      const read = await (await fetch(`${other.url}/tester-api/subscriptions`)).json()
      expect(read).toMatchObject({ loadError: null, subscriptions: list })
      const put = await fetch(`${other.url}/tester-api/subscriptions`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ subscriptions: list })
      })
      expect(put.status).toBe(400)
      expect(JSON.parse(fs.readFileSync(saved, 'utf8'))).toEqual(list)
    } finally {
      await other.close()
    }
  })

  it('answers the reload and type-check state', async () => {
    const { status, json } = await call('GET', '/tester-api/status')
    expect(status).toBe(200)
    expect(json.reload).toMatchObject({ state: 'ok', error: null })
    expect(json.typeCheck).toMatchObject({ state: 'off', errors: [] })
  })
})
