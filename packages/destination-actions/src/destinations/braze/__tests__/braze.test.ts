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
const settings = { api_key: 'braze-key', cluster: 'EU-01', app_id: 'app-1' }
const timestamp = '2024-03-01T10:00:00.000Z'
const braze = () => nock('https://rest.fra-01.braze.eu').matchHeader('authorization', 'Bearer braze-key')

describe('Braze', () => {
  afterEach(() => nock.cleanAll())

  it('trackEvent posts the event to the cluster endpoint', async () => {
    const scope = braze()
      .post('/users/track', {
        events: [
          {
            external_id: 'user-1',
            _update_existing_only: false,
            name: 'Song Played',
            time: timestamp,
            app_id: 'app-1',
            properties: { song: 'Blue' }
          }
        ]
      })
      .reply(201, { message: 'success', events_processed: 1 })
    await testDestination.testAction('trackEvent', {
      event: createTestEvent({ event: 'Song Played', userId: 'user-1', timestamp, properties: { song: 'Blue' } }),
      settings,
      useDefaultMappings: true,
      mapping: {}
    })
    expect(scope.isDone()).toBe(true)
  })

  it('trackPurchase records one purchase per product', async () => {
    let sent: { purchases: Array<Record<string, unknown>> } | undefined
    braze()
      .post('/users/track', (body) => ((sent = body), true))
      .reply(201, { message: 'success' })
    await testDestination.testAction('trackPurchase', {
      event: createTestEvent({
        event: 'Order Completed',
        userId: 'user-1',
        timestamp,
        properties: {
          currency: 'eur',
          products: [
            { product_id: 'p1', price: 3, quantity: 2 },
            { product_id: 'p2', price: 4 }
          ]
        }
      }),
      settings,
      useDefaultMappings: true,
      mapping: { properties: {} }
    })
    expect(sent?.purchases).toEqual([
      {
        external_id: 'user-1',
        _update_existing_only: false,
        product_id: 'p1',
        currency: 'EUR',
        price: 3,
        quantity: 2,
        time: timestamp,
        app_id: 'app-1'
      },
      {
        external_id: 'user-1',
        _update_existing_only: false,
        product_id: 'p2',
        currency: 'EUR',
        price: 4,
        quantity: 1,
        time: timestamp,
        app_id: 'app-1'
      }
    ])
  })

  it('updateUserProfile maps standard attributes, gender and date of birth', async () => {
    const scope = braze()
      .post('/users/track', {
        attributes: [
          {
            plan: 'pro',
            external_id: 'user-1',
            first_name: 'Ada',
            email: 'ada@example.com',
            gender: 'F',
            dob: '1815-12-10'
          }
        ]
      })
      .reply(201, { message: 'success' })
    await testDestination.testAction('updateUserProfile', {
      event: createTestEvent({ type: 'identify', userId: 'user-1' }),
      settings,
      mapping: {
        external_id: 'user-1',
        first_name: 'Ada',
        email: 'ada@example.com',
        gender: 'Female',
        dob: '1815-12-10T00:00:00.000Z',
        custom_attributes: { plan: 'pro' }
      }
    })
    expect(scope.isDone()).toBe(true)
  })

  it('refuses objects without any user identifier', async () => {
    await expect(
      testDestination.testAction('trackEvent', {
        event: createTestEvent(),
        settings,
        mapping: { name: 'x', time: timestamp }
      })
    ).rejects.toThrow(new PayloadValidationError('Braze: one of "external_id", "user_alias" or "braze_id" is required'))
  })

  it('batches report per-event results from Braze per-object errors and local validation', async () => {
    let sent: { events: Array<Record<string, unknown>> } | undefined
    braze()
      .post('/users/track', (body) => ((sent = body), true))
      .reply(201, {
        message: 'success',
        errors: [{ type: "'name' is required", input_array: 'events', index: 1 }]
      })
    const events = [
      createTestEvent({ event: 'A', userId: 'u1', timestamp }),
      createTestEvent({ event: 'B', userId: null, anonymousId: 'anon', timestamp }),
      createTestEvent({ event: 'C', userId: 'u3', timestamp })
    ]
    const responses = await testDestination.testBatchAction('trackEvent', {
      events,
      settings,
      mapping: {
        external_id: { '@path': '$.userId' },
        name: { '@path': '$.event' },
        time: { '@path': '$.timestamp' },
        enable_batching: true
      }
    })
    expect(responses).toHaveLength(1)
    // Event B has no identifier: it is never sent, so Braze's index 1 is event C.
    expect(sent?.events.map((event) => event.name)).toEqual(['A', 'C'])
    const results = testDestination.results.flatMap((result) => result.multistatus ?? [])
    expect(results.map((node) => node.status)).toEqual([201, 400, 400])
    expect(results[1]).toMatchObject({ errortype: 'PAYLOAD_VALIDATION_FAILED' })
    expect(results[2]).toMatchObject({
      errortype: 'BAD_REQUEST',
      errormessage: "Braze rejected this event: 'name' is required"
    })
  })

  it.each([
    [401, InvalidAuthenticationError],
    [429, RetryableError],
    [500, RetryableError]
  ])('maps HTTP %i', async (status, errorClass) => {
    braze().post('/users/track').reply(status, { message: 'nope' })
    await expect(
      testDestination.testAction('trackEvent', {
        event: createTestEvent({ userId: 'u1' }),
        settings,
        useDefaultMappings: true,
        mapping: {}
      })
    ).rejects.toThrow(errorClass)
  })
})
