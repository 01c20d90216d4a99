// The console's JSON API against a real SQLite store: configuration with masked secrets, the
// debugger's reads and tests, the funnel, the event log's redaction and dead-letter replay.
import { baseConfig, GOOD_KEY, item, startHarness, type Harness } from './console-fixtures'

const NOW = Date.now()
let harness: Harness

beforeEach(async () => {
  harness = await startHarness({ now: () => NOW })
})
afterEach(async () => {
  await harness.close()
})

describe('destinations and configuration', () => {
  it('lists instances with secrets masked everywhere', async () => {
    const answer = await harness.request('GET', '/console-api/destinations')
    expect(answer.status).toBe(200)
    expect(answer.text).not.toContain(GOOD_KEY)
    expect(answer.text).not.toContain('wk-secret-web')
    const [instance] = answer.json.destinations
    expect(instance.settings).toEqual({ apiKey: '********', region: 'eu' })
    expect(instance.subscriptions[0]).toMatchObject({ id: 'tracks', lastHour: { delivered: 0, failed: 0 } })
    expect(answer.json.sources).toEqual([{ name: 'web' }])
  })

  it('keeps a stored secret when the masked value comes back, and takes a new one', async () => {
    const listed = (await harness.request('GET', '/console-api/destinations')).json.destinations[0]
    const body = {
      name: listed.name,
      destination: listed.destination,
      enabled: false,
      sources: listed.sources,
      settings: listed.settings,
      subscriptions: listed.subscriptions.map(({ id, name, enabled, subscribe, partnerAction, mapping }: never) => ({
        id,
        name,
        enabled,
        subscribe,
        partnerAction,
        mapping
      }))
    }
    const versionBefore = await harness.store.configVersion()
    const saved = await harness.request('PUT', '/console-api/instances/ping-prod', { body })
    expect(saved.status).toBe(200)
    expect(saved.json.version).toBeGreaterThan(versionBefore)
    let stored = (await harness.store.loadConfig())?.config.destinations[0]
    expect(stored?.settings.apiKey).toBe(GOOD_KEY)
    expect(stored?.enabled).toBe(false)

    await harness.request('PUT', '/console-api/instances/ping-prod', {
      body: { ...body, settings: { apiKey: 'new-key-123', region: 'us' } }
    })
    stored = (await harness.store.loadConfig())?.config.destinations[0]
    expect(stored?.settings).toEqual({ apiKey: 'new-key-123', region: 'us' })
  })

  it('creates an instance with Quick Setup presets and derives subscription ids', async () => {
    const created = await harness.request('POST', '/console-api/instances', {
      body: {
        name: 'ping-test',
        destination: 'pinger',
        enabled: true,
        sources: ['web'],
        settings: { apiKey: 'k-1234' },
        subscriptions: [
          { name: 'Track calls', enabled: true, subscribe: 'type = "track"', partnerAction: 'ping', mapping: {} }
        ]
      }
    })
    expect(created.status).toBe(200)
    const config = (await harness.store.loadConfig())?.config
    const added = config?.destinations.find((instance) => instance.name === 'ping-test')
    expect(added?.subscriptions[0].id).toMatch(/track-calls/)
    const again = await harness.request('POST', '/console-api/instances', {
      body: { name: 'ping-test', destination: 'pinger', sources: [], settings: {}, subscriptions: [] }
    })
    expect(again.status).toBe(409)
  })

  it('refuses bad input with a 4xx naming the place', async () => {
    const bad = await harness.request('PUT', '/console-api/instances/ping-prod', {
      body: {
        ...baseConfig().destinations[0],
        subscriptions: [{ id: 'x', name: 'X', enabled: true, subscribe: 'type = ', partnerAction: 'ping', mapping: {} }]
      }
    })
    expect(bad.status).toBe(400)
    expect(bad.json.error.message).toMatch(/subscriptions\[0\]\.subscribe/)
    const renamed = await harness.request('PUT', '/console-api/instances/ping-prod', {
      body: { ...baseConfig().destinations[0], name: 'ping-new' }
    })
    expect(renamed.status).toBe(400)
    expect(renamed.json.error.message).toMatch(/^name: an instance cannot be renamed/)
    const unknown = await harness.request('PUT', '/console-api/instances/nope', { body: baseConfig().destinations[0] })
    expect(unknown.status).toBe(404)
    const notJson = await harness.request('POST', '/console-api/instances', { body: '{"name":' })
    expect(notJson.status).toBe(400)
    expect(notJson.json.error.message).toMatch(/request body/)
    const deleted = await harness.request('DELETE', '/console-api/instances/ping-prod')
    expect(deleted.status).toBe(200)
    expect((await harness.store.loadConfig())?.config.destinations).toEqual([])
  })

  it('describes registry destinations and tests credentials (masked ones as stored)', async () => {
    const list = await harness.request('GET', '/console-api/registry')
    expect(list.json).toEqual([expect.objectContaining({ key: 'pinger', name: 'Pinger' })])
    const manifest = await harness.request('GET', '/console-api/registry/pinger')
    expect(manifest.json.destination.settings.apiKey.type).toBe('password')
    expect(manifest.json.destination.presets).toHaveLength(1)
    expect(manifest.json.actions.ping.fields.userId.required).toBe(true)
    expect((await harness.request('GET', '/console-api/registry/nothing')).status).toBe(404)

    const test = (settings: Record<string, unknown>, instance?: string) =>
      harness.request('POST', '/console-api/test-credentials', { body: { destination: 'pinger', settings, instance } })
    expect((await test({ apiKey: GOOD_KEY })).json).toEqual({ ok: true, message: 'Credentials are valid' })
    expect((await test({ apiKey: 'wrong-key' })).json).toEqual({
      ok: false,
      message: 'Credentials are invalid:  The API key ******** is not valid'
    })
    expect((await test({ apiKey: '********' }, 'ping-prod')).json.ok).toBe(true)
  })
})

describe('debugger', () => {
  beforeEach(async () => {
    const items = [
      item('track', 'Order Completed', NOW - 3000),
      item('page', 'Home', NOW - 2000),
      item('track', 'Signed Up', NOW - 1000)
    ]
    await harness.store.ingest(items, 60_000, () => [])
  })

  it('lists events newest first, filtered by type and name', async () => {
    const all = await harness.request('GET', '/console-api/events')
    expect(all.json.map((event: { name: string }) => event.name)).toEqual(['Signed Up', 'Home', 'Order Completed'])
    const tracks = await harness.request('GET', '/console-api/events?type=track')
    expect(tracks.json).toHaveLength(2)
    const named = await harness.request('GET', '/console-api/events?name=Home')
    expect(named.json.map((event: { type: string }) => event.type)).toEqual(['page'])
    expect((await harness.request('GET', '/console-api/events?type=nonsense')).status).toBe(400)
    expect((await harness.request('GET', '/console-api/events?limit=0')).status).toBe(400)
  })

  it('opens one event with its JSON and jobs', async () => {
    const [newest] = (await harness.request('GET', '/console-api/events')).json
    const detail = await harness.request('GET', `/console-api/events/${newest.id}`)
    expect(detail.json.event).toMatchObject({ type: 'track', event: 'Signed Up', messageId: newest.messageId })
    expect(detail.json.jobs).toEqual([
      expect.objectContaining({
        instance: 'ping-prod',
        subscriptionId: 'tracks',
        subscriptionName: 'Tracks',
        state: 'pending'
      })
    ])
    const byMessageId = await harness.request('GET', `/console-api/events/${newest.messageId}`)
    expect(byMessageId.json.summary.id).toBe(newest.id)
    expect((await harness.request('GET', '/console-api/events/none')).status).toBe(404)
  })

  it('tests conditions on recent events and a mapping on a stored one', async () => {
    const conditions = await harness.request('POST', '/console-api/test-conditions', {
      body: { fql: 'event = "Signed Up"' }
    })
    expect(conditions.json).toMatchObject({ tested: 3, matched: 1 })
    expect(conditions.json.events[0].name).toBe('Signed Up')
    const broken = await harness.request('POST', '/console-api/test-conditions', { body: { fql: 'event = ' } })
    expect(broken.status).toBe(400)
    expect(broken.json.error.message).toMatch(/^fql: /)

    const [newest] = (await harness.request('GET', '/console-api/events')).json
    const mapped = await harness.request('POST', '/console-api/test-mapping', {
      body: { destination: 'pinger', action: 'ping', mapping: { userId: { '@path': '$.userId' } }, eventId: newest.id }
    })
    expect(mapped.json).toEqual({ payload: { userId: 'u1' }, problems: [], stage: 'schema' })
    const missing = await harness.request('POST', '/console-api/test-mapping', {
      body: { destination: 'pinger', action: 'ping', mapping: { userId: { '@path': '$.nothing' } }, eventId: newest.id }
    })
    expect(missing.json.problems[0]).toMatchObject({ field: 'userId' })
    const invalid = await harness.request('POST', '/console-api/test-mapping', {
      body: { destination: 'pinger', action: 'ping', mapping: { userId: { '@nope': 1 } }, eventId: newest.id }
    })
    expect(invalid.json.stage).toBe('mapping')
    expect(invalid.json.problems.length).toBeGreaterThan(0)
  })
})
