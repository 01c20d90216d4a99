import nock from 'nock'
import {
  InvalidAuthenticationError,
  PayloadValidationError,
  RetryableError,
  createTestEvent,
  createTestIntegration
} from '@action-destinations/core'
import destination from '../index'

const testDestination = createTestIntegration(destination)
const settings = { apiKey: 'api-key', secretKey: 'secret-key', endpoint: 'north_america' }
const timestamp = '2024-03-01T10:00:00.000Z'

function formBody(body: string): Record<string, unknown> {
  const params = new URLSearchParams(body)
  const out: Record<string, unknown> = {}
  for (const [key, value] of params) out[key] = key === 'api_key' ? value : JSON.parse(value)
  return out
}

describe('Amplitude', () => {
  afterEach(() => nock.cleanAll())

  it('logEvent sends one event to the HTTP V2 API', async () => {
    let sent: unknown
    nock('https://api2.amplitude.com')
      .post('/2/httpapi', (body) => ((sent = body), true))
      .reply(200, { code: 200 })

    const event = createTestEvent({
      event: 'Song Played',
      userId: 'user-1234',
      anonymousId: 'anon-1',
      messageId: 'msg-1',
      timestamp,
      properties: { song: 'Blue' },
      context: { ip: '8.8.8.8', device: { id: 'device-1' }, library: { name: 'analytics.js', version: '1' } }
    })
    await testDestination.testAction('logEvent', { event, settings, useDefaultMappings: true, mapping: {} })

    expect(sent).toMatchObject({
      api_key: 'api-key',
      events: [
        {
          event_type: 'Song Played',
          user_id: 'user-1234',
          device_id: 'device-1',
          time: Date.parse(timestamp),
          event_properties: { song: 'Blue' },
          ip: '8.8.8.8',
          insert_id: 'msg-1',
          library: 'analytics.js'
        }
      ]
    })
  })

  it('logEvent uses the EU host and the batch endpoint when asked', async () => {
    const scope = nock('https://api.eu.amplitude.com').post('/batch').reply(200, {})
    await testDestination.testAction('logEvent', {
      event: createTestEvent({ userId: 'user-1234' }),
      settings: { ...settings, endpoint: 'europe' },
      useDefaultMappings: true,
      mapping: { use_batch_endpoint: true }
    })
    expect(scope.isDone()).toBe(true)
  })

  it('logEvent refuses events without user_id and device_id', async () => {
    await expect(
      testDestination.testAction('logEvent', {
        event: createTestEvent(),
        settings,
        mapping: { event_type: 'x' }
      })
    ).rejects.toThrow(new PayloadValidationError('Amplitude Log Event: either "user_id" or "device_id" is required'))
  })

  it('logPurchase adds one Product Purchased event per product with revenue = price × quantity', async () => {
    let sent: { events: Array<Record<string, unknown>> } | undefined
    nock('https://api2.amplitude.com')
      .post('/2/httpapi', (body) => ((sent = body), true))
      .reply(200, {})
    const event = createTestEvent({
      event: 'Order Completed',
      userId: 'user-1234',
      messageId: 'order-msg',
      properties: {
        revenue: 30,
        products: [
          { product_id: 'p1', price: 10, quantity: 2 },
          { product_id: 'p2', price: 10 }
        ]
      }
    })
    await testDestination.testAction('logPurchase', { event, settings, useDefaultMappings: true, mapping: {} })
    expect(sent?.events).toHaveLength(3)
    expect(sent?.events[0]).toMatchObject({ event_type: 'Order Completed', revenue: 30 })
    expect(sent?.events[1]).toMatchObject({
      event_type: 'Product Purchased',
      productId: 'p1',
      price: 10,
      quantity: 2,
      revenue: 20,
      insert_id: 'order-msg-1'
    })
    expect(sent?.events[2]).toMatchObject({ productId: 'p2', quantity: 1, revenue: 10, insert_id: 'order-msg-2' })
  })

  it('identifyUser posts a form to /identify', async () => {
    let raw = ''
    nock('https://api2.amplitude.com')
      .post('/identify', (body) => ((raw = body), true))
      .matchHeader('content-type', 'application/x-www-form-urlencoded')
      .reply(200, 'success')
    const event = createTestEvent({ type: 'identify', userId: 'user-1234', traits: { plan: 'pro' } })
    await testDestination.testAction('identifyUser', {
      event,
      settings,
      mapping: { user_id: { '@path': '$.userId' }, user_properties: { '@path': '$.traits' }, paying: true }
    })
    expect(formBody(raw)).toEqual({
      api_key: 'api-key',
      identification: [{ user_id: 'user-1234', user_properties: { plan: 'pro' }, paying: true }]
    })
  })

  it('groupIdentifyUser sets membership then group properties', async () => {
    const bodies: string[] = []
    nock('https://api2.amplitude.com')
      .post('/identify', (body) => (bodies.push(body), true))
      .reply(200)
      .post('/groupidentify', (body) => (bodies.push(body), true))
      .reply(200)
    await testDestination.testAction('groupIdentifyUser', {
      event: createTestEvent({ type: 'group', userId: 'user-1234', groupId: 'acme', traits: { size: 10 } }),
      settings,
      mapping: { user_id: 'user-1234', group_type: 'company', group_value: 'acme', group_properties: { size: 10 } }
    })
    expect(bodies.map(formBody)).toEqual([
      { api_key: 'api-key', identification: [{ groups: { company: 'acme' }, user_id: 'user-1234' }] },
      {
        api_key: 'api-key',
        identification: [{ group_type: 'company', group_value: 'acme', group_properties: { size: 10 } }]
      }
    ])
  })

  it('mapUser posts the mapping to /usermap', async () => {
    let raw = ''
    nock('https://api.amplitude.com')
      .post('/usermap', (body) => ((raw = body), true))
      .reply(200)
    await testDestination.testAction('mapUser', {
      event: createTestEvent({ type: 'alias', previousId: 'old-id', userId: 'new-id' }),
      settings,
      useDefaultMappings: true,
      mapping: {}
    })
    expect(formBody(raw)).toEqual({ api_key: 'api-key', mapping: [{ user_id: 'old-id', global_user_id: 'new-id' }] })
  })

  it.each([
    [401, InvalidAuthenticationError],
    [429, RetryableError],
    [503, RetryableError],
    [400, PayloadValidationError]
  ])('maps HTTP %i to the right error class', async (status, errorClass) => {
    nock('https://api2.amplitude.com').post('/2/httpapi').reply(status, { error: 'nope' })
    await expect(
      testDestination.testAction('logEvent', {
        event: createTestEvent({ userId: 'user-1234' }),
        settings,
        useDefaultMappings: true,
        mapping: {}
      })
    ).rejects.toThrow(errorClass)
  })

  it('testAuthentication calls User Search with basic auth', async () => {
    const scope = nock('https://amplitude.com')
      .get('/api/2/usersearch')
      .query({ user: 'testUser@example.com' })
      .basicAuth({ user: 'api-key', pass: 'secret-key' })
      .reply(200, { matches: [] })
    await expect(testDestination.testAuthentication(settings)).resolves.not.toThrow()
    expect(scope.isDone()).toBe(true)
  })

  it('onDelete asks the deletion API to remove the user', async () => {
    const scope = nock('https://analytics.eu.amplitude.com')
      .post('/api/2/deletions/users', { user_ids: ['user-1234'], requester: 'segment' })
      .basicAuth({ user: 'api-key', pass: 'secret-key' })
      .reply(200, {})
    await testDestination.onDelete?.(createTestEvent({ type: 'delete', userId: 'user-1234' }), {
      ...settings,
      endpoint: 'europe'
    })
    expect(scope.isDone()).toBe(true)
  })

  it('has automatic presets for track, order, page, screen and identify', () => {
    const presets = destination.presets ?? []
    expect(presets.map((preset) => [preset.partnerAction, 'subscribe' in preset ? preset.subscribe : ''])).toEqual([
      ['logEvent', 'type = "track" and event != "Order Completed"'],
      ['logPurchase', 'type = "track" and event = "Order Completed"'],
      ['logEvent', 'type = "page"'],
      ['logEvent', 'type = "screen"'],
      ['identifyUser', 'type = "identify"']
    ])
    expect(presets.every((preset) => preset.type === 'automatic')).toBe(true)
    expect(presets[2].mapping?.event_type).toEqual({ '@template': 'Viewed {{name}}' })
  })
})
