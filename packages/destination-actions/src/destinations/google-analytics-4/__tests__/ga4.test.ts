import nock from 'nock'
import { PayloadValidationError, createTestEvent, createTestIntegration } from '@action-destinations/core'
import destination from '../index'

const testDestination = createTestIntegration(destination)
const settings = { measurementId: 'G-TEST123', apiSecret: 'secret-1' }
const timestamp = '2024-03-01T10:00:00.000Z'
const collect = () =>
  nock('https://www.google-analytics.com')
    .post('/mp/collect')
    .query({ measurement_id: 'G-TEST123', api_secret: 'secret-1' })

describe('Google Analytics 4', () => {
  afterEach(() => nock.cleanAll())

  it('purchase sends the order with its items', async () => {
    let sent: unknown
    collect().reply(function (_uri, body) {
      sent = body
      return [204, '']
    })
    const event = createTestEvent({
      event: 'Order Completed',
      userId: 'user-1',
      anonymousId: 'anon-1',
      timestamp,
      properties: {
        order_id: 'o-1',
        currency: 'usd',
        value: 25,
        tax: 2,
        products: [{ product_id: 'p1', name: 'Shoe', price: 25, quantity: 1, brand: 'Acme' }]
      }
    })
    await testDestination.testAction('purchase', { event, settings, useDefaultMappings: true, mapping: {} })
    expect(sent).toEqual({
      client_id: 'anon-1',
      user_id: 'user-1',
      timestamp_micros: Date.parse(timestamp) * 1000,
      events: [
        {
          name: 'purchase',
          params: {
            currency: 'USD',
            value: 25,
            transaction_id: 'o-1',
            tax: 2,
            items: [{ item_id: 'p1', item_name: 'Shoe', item_brand: 'Acme', price: 25, quantity: 1 }],
            engagement_time_msec: 1
          }
        }
      ]
    })
  })

  it.each([
    ['addToCart', 'Product Added', 'add_to_cart'],
    ['viewItem', 'Product Viewed', 'view_item']
  ])('%s sends the product in the properties as the one item', async (action, eventName, gaName) => {
    let sent: { events: Array<{ name: string; params: { items: unknown[] } }> } | undefined
    collect().reply(function (_uri, body) {
      sent = body as typeof sent
      return [204, '']
    })
    await testDestination.testAction(action, {
      event: createTestEvent({ event: eventName, properties: { product_id: 'p9', name: 'Hat', price: 5 } }),
      settings,
      useDefaultMappings: true,
      mapping: {}
    })
    expect(sent?.events[0].name).toBe(gaName)
    expect(sent?.events[0].params.items).toEqual([{ item_id: 'p9', item_name: 'Hat', price: 5 }])
  })

  it.each([
    ['login', 'Signed In', { method: 'google' }],
    ['signUp', 'Signed Up', { method: 'google' }],
    ['search', 'Products Searched', { search_term: 'shoes' }]
  ])('%s sends its parameters', async (action, eventName, params) => {
    let sent: { events: Array<{ params: Record<string, unknown> }> } | undefined
    collect().reply(function (_uri, body) {
      sent = body as typeof sent
      return [204, '']
    })
    await testDestination.testAction(action, {
      event: createTestEvent({ event: eventName, properties: { type: 'google', query: 'shoes' } }),
      settings,
      useDefaultMappings: true,
      mapping: {}
    })
    expect(sent?.events[0].params).toEqual({ ...params, engagement_time_msec: 1 })
  })

  it('pageView sends page location, referrer and title, with user properties wrapped', async () => {
    let sent: Record<string, unknown> | undefined
    collect().reply(function (_uri, body) {
      sent = body as typeof sent
      return [204, '']
    })
    await testDestination.testAction('pageView', {
      event: createTestEvent({
        type: 'page',
        context: { page: { url: 'https://shop.example/a', referrer: 'https://google.com', title: 'A' } }
      }),
      settings,
      useDefaultMappings: true,
      mapping: { user_properties: { tier: 'gold' } }
    })
    expect(sent?.user_properties).toEqual({ tier: { value: 'gold' } })
    expect(sent?.events).toEqual([
      {
        name: 'page_view',
        params: {
          page_location: 'https://shop.example/a',
          page_referrer: 'https://google.com',
          page_title: 'A',
          engagement_time_msec: 1
        }
      }
    ])
  })

  it('customEvent normalizes the event name', async () => {
    let sent: { events: Array<{ name: string }> } | undefined
    collect().reply(function (_uri, body) {
      sent = body as typeof sent
      return [204, '']
    })
    await testDestination.testAction('customEvent', {
      event: createTestEvent({ event: 'Order Shipped' }),
      settings,
      useDefaultMappings: true,
      mapping: { lowercase: true }
    })
    expect(sent?.events[0].name).toBe('order_shipped')
  })

  it('refuses a value without currency, bad currencies, nameless items and bad event names', async () => {
    const run = (action: string, mapping: Record<string, unknown>) =>
      testDestination.testAction(action, {
        event: createTestEvent(),
        settings,
        mapping: { client_id: 'c', ...mapping }
      })
    await expect(run('addToCart', { value: 3, items: [{ item_id: 'a' }] })).rejects.toThrow(
      new PayloadValidationError('GA4 add_to_cart: "currency" is required when "value" is set')
    )
    await expect(run('addToCart', { currency: 'dollars', items: [{ item_id: 'a' }] })).rejects.toThrow(
      PayloadValidationError
    )
    await expect(run('viewItem', { items: [{ price: 3 }] })).rejects.toThrow(
      new PayloadValidationError('GA4 view_item: items[0] needs "item_id" or "item_name"')
    )
    await expect(run('customEvent', { name: '1 bad name' })).rejects.toThrow(PayloadValidationError)
  })
})
