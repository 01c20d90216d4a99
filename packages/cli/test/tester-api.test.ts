import fs from 'fs'
import http from 'http'
import type { AddressInfo } from 'net'
import os from 'os'
import path from 'path'
import { PAGE_NOT_BUILT } from '../src/lib/server/tester/web-assets'
import { startWebhookTester, type TesterServer } from './helpers/webhook-tester'

jest.setTimeout(30_000)

interface Received {
  url: string
  headers: http.IncomingHttpHeaders
  body: string
}

// A partner API on 127.0.0.1: answers 503 under /fail, 200 otherwise, and records every request.
async function startPartner(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = []
  const server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', () => {
      received.push({ url: req.url ?? '', headers: req.headers, body })
      const failing = (req.url ?? '').startsWith('/fail')
      res.writeHead(failing ? 503 : 200, { 'content-type': 'application/json' })
      res.end(JSON.stringify(failing ? { error: 'down' } : { ok: true }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  }
}

const TRACK = { type: 'track', event: 'Order Completed', properties: { total: 42, target: '' } }

describe('Actions Tester API (/tester-api)', () => {
  let dir: string
  let file: string
  let partner: Awaited<ReturnType<typeof startPartner>>
  let tester: TesterServer

  const call = async (method: string, route: string, body?: unknown) => {
    const res = await fetch(`${tester.url}${route}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body)
    })
    return { status: res.status, json: (await res.json()) as Record<string, any> }
  }

  const subscription = (overrides: Record<string, unknown> = {}) => ({
    name: 'Orders',
    enabled: true,
    subscribe: 'type = "track"',
    partnerAction: 'send',
    mapping: { url: `${partner.url}/hook`, method: 'POST', data: { '@path': '$.properties' } },
    ...overrides
  })

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tester-api-'))
    file = path.join(dir, 'subscriptions.json')
    partner = await startPartner()
    tester = await startWebhookTester({ subscriptionsFile: file, webDirectory: path.join(dir, 'no-page') })
  })
  afterAll(async () => {
    await tester.close()
    await partner.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('answers GET / with a clear message when the page is not built', async () => {
    const res = await fetch(`${tester.url}/`)
    expect(res.status).toBe(503)
    expect(await res.text()).toBe(PAGE_NOT_BUILT)
  })

  it('serves the built page and its assets from disk', async () => {
    const web = path.join(dir, 'web')
    fs.mkdirSync(path.join(web, 'assets'), { recursive: true })
    fs.writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>T</title>')
    fs.writeFileSync(path.join(web, 'assets', 'app.js'), 'console.log(1)')
    const other = await startWebhookTester({ subscriptionsFile: path.join(dir, 'other.json'), webDirectory: web })
    try {
      const page = await fetch(`${other.url}/`)
      expect(page.status).toBe(200)
      expect(page.headers.get('content-type')).toContain('text/html')
      expect(await page.text()).toContain('<title>T</title>')
      expect(await (await fetch(`${other.url}/assets/app.js`)).text()).toBe('console.log(1)')
      expect((await fetch(`${other.url}/assets/missing.js`)).status).toBe(404)
    } finally {
      await other.close()
    }
  })

  it('saves subscriptions to the file and loads them again after a restart', async () => {
    expect((await call('GET', '/tester-api/subscriptions')).json).toEqual({
      file,
      loadError: null,
      subscriptions: [],
      warnings: []
    })
    const saved = await call('PUT', '/tester-api/subscriptions', {
      subscriptions: [subscription(), subscription({ name: 'Off', enabled: false })]
    })
    expect(saved.status).toBe(200)
    expect(saved.json.subscriptions.map((s: { name: string }) => s.name)).toEqual(['Orders', 'Off'])
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))[1]).toMatchObject({ name: 'Off', enabled: false })

    const restarted = await startWebhookTester({ subscriptionsFile: file })
    try {
      const again = (await (await fetch(`${restarted.url}/tester-api/subscriptions`)).json()) as Record<string, any>
      expect(again.subscriptions).toEqual(saved.json.subscriptions)
    } finally {
      await restarted.close()
    }
  })

  it('rejects bad subscriptions naming the entry and the field, and keeps the saved ones', async () => {
    const before = fs.readFileSync(file, 'utf8')
    const cases: Array<[unknown, string]> = [
      [{ subscriptions: {} }, 'subscriptions must be a JSON array'],
      [{}, 'the body must be { "subscriptions": [...] }'],
      [{ subscriptions: [subscription(), 3] }, 'subscriptions[1] must be an object'],
      [{ subscriptions: [subscription({ name: '' })] }, 'subscriptions[0].name must be a non-empty string'],
      [{ subscriptions: [subscription({ enabled: 'yes' })] }, 'subscriptions[0].enabled must be true or false'],
      [{ subscriptions: [subscription({ subscribe: 'type = ' })] }, 'subscriptions[0].subscribe is not valid FQL'],
      [
        { subscriptions: [subscription(), subscription({ partnerAction: 'nope' })] },
        'subscriptions[1].partnerAction "nope" is not an action of this destination (actions: send)'
      ],
      [{ subscriptions: [subscription({ mapping: [] })] }, 'subscriptions[0].mapping must be an object']
    ]
    for (const [body, message] of cases) {
      const answer = await call('PUT', '/tester-api/subscriptions', body)
      expect(answer.status).toBe(400)
      expect(answer.json.error.message).toContain(message)
    }
    expect(fs.readFileSync(file, 'utf8')).toBe(before)
  })

  it('tests a mapping without sending: the resolved payload and each field problem', async () => {
    const sentBefore = partner.received.length
    const good = await call('POST', '/tester-api/test-mapping', {
      action: 'send',
      mapping: subscription().mapping,
      event: TRACK
    })
    expect(good.json).toEqual({
      payload: { url: `${partner.url}/hook`, method: 'POST', data: TRACK.properties },
      problems: [],
      stage: 'schema',
      warnings: []
    })
    const missing = await call('POST', '/tester-api/test-mapping', {
      action: 'send',
      mapping: { url: 'not a url' },
      event: TRACK
    })
    expect(missing.json.problems.map((p: { field?: string }) => p.field).sort()).toEqual(['method', 'url'])
    const badDirective = await call('POST', '/tester-api/test-mapping', {
      action: 'send',
      mapping: { url: { '@path': 5 } },
      event: TRACK
    })
    expect(badDirective.json.stage).toBe('mapping')
    expect(badDirective.json.problems[0]).toMatchObject({ field: 'url' })
    expect(partner.received.length).toBe(sentBefore)
    const unknown = await call('POST', '/tester-api/test-mapping', { action: 'nope', mapping: {} })
    expect(unknown.status).toBe(404)
    expect(unknown.json.error.message).toContain('unknown action "nope" (actions: send)')
  })

  it('delivers a matching event, shows the exchange with secret headers masked, and counts it', async () => {
    await call('DELETE', '/tester-api/counts')
    const answer = await call('POST', '/tester-api/deliver', {
      subscription: subscription(),
      events: [TRACK, { type: 'identify', traits: {} }],
      settings: { sharedSecret: 'top-secret' }
    })
    expect(answer.status).toBe(200)
    expect(answer.json.results).toEqual([
      { index: 0, outcome: 'delivered' },
      { index: 1, outcome: 'filtered', message: 'the event does not match' }
    ])
    expect(answer.json.exchanges).toHaveLength(1)
    const exchange = answer.json.exchanges[0]
    expect(exchange.request).toMatchObject({ method: 'POST', url: `${partner.url}/hook`, body: TRACK.properties })
    expect(exchange.request.headers['x-signature']).toBe('********')
    expect(exchange.response).toMatchObject({ status: 200, body: { ok: true } })
    expect(partner.received.at(-1)?.headers['x-signature']).toMatch(/^[0-9a-f]{64}$/)
    expect(answer.json.counts).toEqual({ send: { delivered: 1, failed: {}, filtered: 1 } })
  })

  it('counts a disabled subscription as filtered and a refused request as failed by status', async () => {
    await call('DELETE', '/tester-api/counts')
    const sentBefore = partner.received.length
    const off = await call('POST', '/tester-api/deliver', {
      subscription: subscription({ enabled: false }),
      events: [TRACK]
    })
    expect(off.json.results).toEqual([{ index: 0, outcome: 'filtered', message: 'the subscription is disabled' }])
    expect(partner.received.length).toBe(sentBefore)
    const failing = await call('POST', '/tester-api/deliver', {
      subscription: subscription({ mapping: { url: `${partner.url}/fail`, method: 'POST' } }),
      events: [TRACK]
    })
    expect(failing.json.results[0]).toMatchObject({ index: 0, outcome: 'failed', status: 503 })
    expect(failing.json.exchanges[0].response.status).toBe(503)
    expect((await call('GET', '/tester-api/counts')).json).toEqual({
      send: { delivered: 0, failed: { '503': 1 }, filtered: 1 }
    })
  })

  it('previews batches grouped by batch_keys and split by batch size, then sends them', async () => {
    const mapping = {
      url: { '@path': '$.properties.target' },
      method: 'POST',
      data: { '@path': '$.properties' },
      batch_keys: ['url', 'method']
    }
    const events = ['a', 'b', 'a', 'a'].map((name) => ({
      type: 'track',
      event: 'E',
      properties: { target: `${partner.url}/${name}` }
    }))
    const preview = await call('POST', '/tester-api/batch-preview', { action: 'send', mapping, events, batchSize: 2 })
    expect(preview.json).toEqual({
      batchKeys: ['url', 'method'],
      batchSize: 2,
      batches: [
        { key: { url: `${partner.url}/a`, method: 'POST' }, indices: [0, 2] },
        { key: { url: `${partner.url}/a`, method: 'POST' }, indices: [3] },
        { key: { url: `${partner.url}/b`, method: 'POST' }, indices: [1] }
      ]
    })
    const sentBefore = partner.received.length
    const sent = await call('POST', '/tester-api/deliver', {
      subscription: subscription({ mapping }),
      events,
      batch: true,
      batchSize: 2
    })
    expect(sent.json.results.map((r: { outcome: string }) => r.outcome)).toEqual([
      'delivered',
      'delivered',
      'delivered',
      'delivered'
    ])
    const bodies = partner.received.slice(sentBefore).map((r) => [r.url, JSON.parse(r.body).length])
    expect(bodies).toEqual([
      ['/a', 2],
      ['/a', 1],
      ['/b', 1]
    ])
  })

  it('answers bad delivery input with 400 naming the problem', async () => {
    const cases: Array<[unknown, string]> = [
      [{ events: [TRACK] }, '"subscription" is required'],
      [{ subscription: subscription(), events: [] }, '"events" must be a non-empty array'],
      [{ subscription: subscription(), events: [TRACK, 'x'] }, 'events[1] must be an object'],
      [{ subscription: subscription({ partnerAction: 'x' }), events: [TRACK] }, 'subscription.partnerAction "x"'],
      [
        { subscription: subscription(), events: [TRACK], batch: true, batchSize: 0 },
        '"batchSize" must be a whole number of at least 1'
      ],
      [{ subscription: subscription({ mapping: { url: { '@path': 5 } } }), events: [TRACK] }, 'the mapping is invalid']
    ]
    for (const [body, message] of cases) {
      const answer = await call('POST', '/tester-api/deliver', body)
      expect(answer.status).toBe(400)
      expect(answer.json.error.message).toContain(message)
    }
  })
})
