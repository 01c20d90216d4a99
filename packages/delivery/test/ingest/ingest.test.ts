import { gzipSync } from 'zlib'
import type { Store } from '../../src/store/store'
import { basic, startTestApp, type TestApp } from '../http/fixture'

let app: TestApp

afterEach(async () => {
  await app?.close()
})

async function post(path: string, body: unknown, headers: Record<string, string> = { authorization: basic('wk-web') }) {
  const response = await fetch(app.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body)
  })
  return { status: response.status, body: (await response.json()) as { success: boolean; message?: string } }
}

const events: Record<string, Record<string, unknown>> = {
  track: { userId: 'u1', event: 'Order Completed', properties: { total: 3 } },
  identify: { userId: 'u1', traits: { email: 'a@example.com' } },
  page: { anonymousId: 'a1', name: 'Home' },
  screen: { userId: 'u1', name: 'Settings' },
  group: { userId: 'u1', groupId: 'g1' },
  alias: { userId: 'u1', previousId: 'a1' }
}

describe('ingest routes', () => {
  it.each(Object.keys(events))('POST /v1/%s stores the event with type, messageId and receivedAt', async (type) => {
    app = await startTestApp()
    const before = Date.now()
    const result = await post(`/v1/${type}`, { ...events[type], type: 'something-else' })
    expect(result).toEqual({ status: 200, body: { success: true } })
    const [summary] = await app.store.recentEvents({ limit: 10 })
    expect(summary.type).toBe(type)
    expect(summary.source).toBe('web')
    expect(summary.messageId).toMatch(/^api-[0-9a-f-]{36}$/)
    const stored = await app.store.getEvent(summary.id)
    const body = JSON.parse(stored?.body ?? '{}')
    expect(body.type).toBe(type)
    expect(Date.parse(body.receivedAt)).toBeGreaterThanOrEqual(before - 1)
    expect(body.timestamp).toBe(body.receivedAt)
  })

  it('POST /v1/batch stores every event, shares batch context, keeps given messageIds, and routes a job', async () => {
    app = await startTestApp()
    const result = await post('/v1/batch', {
      batch: [
        { type: 'track', userId: 'u1', event: 'Order Completed', messageId: 'm-1', context: { ip: '1.2.3.4' } },
        { type: 'identify', userId: 'u1', messageId: 'm-2' }
      ],
      context: { library: { name: 'test' } }
    })
    expect(result.status).toBe(200)
    const stored = await app.store.getEvent('m-1')
    expect(JSON.parse(stored?.body ?? '{}').context).toEqual({ library: { name: 'test' }, ip: '1.2.3.4' })
    expect(stored?.jobs).toHaveLength(1)
    expect(stored?.jobs[0]).toMatchObject({ instance: 'main', action: 'send', state: 'pending' })
    expect((await app.store.getEvent('m-2'))?.jobs).toHaveLength(0)
    const text = await app.metrics.metrics()
    expect(text).toMatch(/delivery_received_total\{instance="main",subscription="[^"]+",code=""\} 2/)
    expect(text).toMatch(/delivery_filtered_no_match_total\{instance="main",subscription="[^"]+",code=""\} 1/)
  })

  it('answers 200 to an empty batch and 415 to an unknown Content-Encoding', async () => {
    app = await startTestApp()
    expect((await post('/v1/batch', { batch: [] })).status).toBe(200)
    const deflate = await post('/v1/track', events.track, { authorization: basic('wk-web'), 'content-encoding': 'br' })
    expect(deflate).toEqual({
      status: 415,
      body: { success: false, message: 'Unsupported Content-Encoding "br" (use gzip or none)' }
    })
    expect(await app.store.recentEvents({ limit: 10 })).toHaveLength(0)
  })

  it('drops a repeated messageId of the same source within the dedupe window', async () => {
    app = await startTestApp()
    const event = { ...events.track, messageId: 'dup-1' }
    expect((await post('/v1/track', event)).status).toBe(200)
    expect((await post('/v1/track', event)).status).toBe(200)
    expect(
      (
        await post('/v1/batch', {
          batch: [
            { ...event, type: 'track' },
            { ...event, type: 'track' }
          ]
        })
      ).status
    ).toBe(200)
    expect(await app.store.recentEvents({ limit: 10 })).toHaveLength(1)
  })
})

describe('ingest authentication', () => {
  it('answers 401 without a write key, with a wrong one, and accepts writeKey in the body', async () => {
    app = await startTestApp()
    expect((await post('/v1/track', events.track, {})).status).toBe(401)
    expect((await post('/v1/track', events.track, { authorization: basic('nope') })).status).toBe(401)
    expect((await post('/v1/track', events.track, { authorization: 'Bearer wk-web' })).status).toBe(401)
    expect((await post('/v1/track', { ...events.track, writeKey: 'wrong' }, {})).status).toBe(401)
    // analytics.js posts text/plain with the key in the body; the key is not stored.
    const ok = await post(
      '/v1/track',
      { ...events.track, writeKey: 'wk-web', messageId: 'wk' },
      { 'content-type': 'text/plain' }
    )
    expect(ok.status).toBe(200)
    expect(JSON.parse((await app.store.getEvent('wk'))?.body ?? '{}').writeKey).toBeUndefined()
  })
})

describe('ingest bodies', () => {
  it('accepts gzip', async () => {
    app = await startTestApp()
    const body = gzipSync(JSON.stringify({ ...events.track, messageId: 'gz' }))
    const result = await post('/v1/track', body, { authorization: basic('wk-web'), 'content-encoding': 'gzip' })
    expect(result.status).toBe(200)
    expect(await app.store.getEvent('gz')).toBeDefined()
  })

  it('stops a gzip bomb at the limit', async () => {
    app = await startTestApp()
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, 32))
    expect(bomb.length).toBeLessThan(100 * 1024)
    const result = await post('/v1/batch', bomb, { authorization: basic('wk-web'), 'content-encoding': 'gzip' })
    expect(result).toEqual({
      status: 400,
      body: { success: false, message: expect.stringContaining('500 KB per batch request') }
    })
    const invalid = await post('/v1/track', Buffer.from('not gzip'), {
      authorization: basic('wk-web'),
      'content-encoding': 'gzip'
    })
    expect(invalid.status).toBe(400)
    expect(invalid.body.message).toMatch(/Invalid gzip body/)
  })

  it('answers 400 naming the limit for an event over 32 KB and a batch over 500 KB', async () => {
    app = await startTestApp()
    const big = { ...events.track, properties: { blob: 'x'.repeat(33 * 1024) } }
    const single = await post('/v1/track', big)
    expect(single.status).toBe(400)
    expect(single.body.message).toContain('32 KB per event')
    const inBatch = await post('/v1/batch', {
      batch: [
        { ...events.track, type: 'track' },
        { ...big, type: 'track' }
      ]
    })
    expect(inBatch.status).toBe(400)
    expect(inBatch.body.message).toContain('batch[1]: larger than 32 KB per event')
    const batch = Array.from({ length: 20 }, () => ({
      ...events.track,
      type: 'track',
      properties: { blob: 'y'.repeat(30 * 1024) }
    }))
    const whole = await post('/v1/batch', { batch })
    expect(whole.status).toBe(400)
    expect(whole.body.message).toContain('500 KB per batch request')
    expect(await app.store.recentEvents({ limit: 10 })).toHaveLength(0)
  })

  it.each([
    ['/v1/track', { userId: 'u1' }, 'event: required for a track event'],
    ['/v1/track', { event: 'x' }, 'userId or anonymousId: one is required for a track event'],
    ['/v1/group', { userId: 'u1' }, 'groupId: required for a group event'],
    ['/v1/alias', { userId: 'u1' }, 'previousId: required for an alias event'],
    ['/v1/identify', [1], 'body: should be a JSON object'],
    ['/v1/identify', '{"userId":', 'body: not valid JSON'],
    ['/v1/batch', { batch: {} }, 'batch: required, an array of events'],
    [
      '/v1/batch',
      { batch: [{ type: 'track', userId: 'u', event: 'e' }, { type: 'nope' }] },
      'batch[1].type: should be one of'
    ],
    ['/v1/batch', { batch: [{ type: 'identify' }] }, 'batch[0].userId or batch[0].anonymousId']
  ])('%s %j answers 400: %s', async (path, body, message) => {
    app = await startTestApp()
    const result = await post(path, body)
    expect(result.status).toBe(400)
    expect(result.body.message).toContain(message)
  })
})

describe('ingest durability', () => {
  it('answers 200 only after the store resolved, and 503 when it fails', async () => {
    app = await startTestApp()
    const real = app.store
    let release: () => void = () => undefined
    const gate = new Promise<void>((resolve) => (release = resolve))
    let fail = false
    const original = real.ingest.bind(real)
    const slow: Store['ingest'] = async (...args) => {
      await gate
      if (fail) throw new Error('disk full')
      return original(...args)
    }
    real.ingest = slow
    let answered = false
    const pending = post('/v1/track', events.track).then((result) => {
      answered = true
      return result
    })
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(answered).toBe(false)
    release()
    expect((await pending).status).toBe(200)
    fail = true
    expect((await post('/v1/track', events.track)).status).toBe(503)
    real.ingest = original
  })

  it('answers 503 while the engine is not accepting events', async () => {
    app = await startTestApp()
    app.setState('stopping')
    expect((await post('/v1/track', events.track)).status).toBe(503)
  })
})
