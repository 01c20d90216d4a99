// Ready-made Segment events for the sample editor, one per event type, plus a small batch.

const common = {
  messageId: 'tester-0001',
  timestamp: '2024-05-01T12:00:00.000Z',
  anonymousId: 'anon-7f3c',
  userId: 'user-1234',
  context: {
    ip: '203.0.113.7',
    locale: 'en-US',
    library: { name: 'analytics.js', version: '2.11.1' },
    page: { path: '/pricing', url: 'https://example.com/pricing', title: 'Pricing' }
  }
}

export const SAMPLE_EVENTS: Record<string, Record<string, unknown>> = {
  track: {
    ...common,
    type: 'track',
    event: 'Order Completed',
    properties: { order_id: 'o-981', total: 42.5, currency: 'USD', coupon: 'SPRING', products: [{ sku: 'A1' }] }
  },
  identify: {
    ...common,
    type: 'identify',
    traits: { email: 'ada@example.com', name: 'Ada Lovelace', plan: 'pro' }
  },
  page: {
    ...common,
    type: 'page',
    name: 'Pricing',
    properties: { path: '/pricing', url: 'https://example.com/pricing', title: 'Pricing', referrer: '' }
  },
  screen: {
    ...common,
    type: 'screen',
    name: 'Home',
    properties: { variation: 'blue' }
  },
  group: {
    ...common,
    type: 'group',
    groupId: 'company-42',
    traits: { name: 'Initech', industry: 'Software', employees: 120 }
  },
  alias: {
    ...common,
    type: 'alias',
    previousId: 'anon-7f3c'
  }
}

/** Several events at once, to send as a batch and preview its grouping. */
export const SAMPLE_BATCH: Array<Record<string, unknown>> = [
  { ...SAMPLE_EVENTS.track, messageId: 'tester-b1' },
  { ...SAMPLE_EVENTS.track, messageId: 'tester-b2', event: 'Product Viewed', properties: { sku: 'A1', price: 9 } },
  { ...SAMPLE_EVENTS.identify, messageId: 'tester-b3' },
  { ...SAMPLE_EVENTS.page, messageId: 'tester-b4' }
]
