import { createHmac } from 'crypto'
import nock from 'nock'
import {
  InvalidAuthenticationError,
  PayloadValidationError,
  createTestEvent,
  createTestIntegration
} from '@action-destinations/core'
import destination from '../index'

const testDestination = createTestIntegration(destination)
const sign = (body: string) => createHmac('sha256', 'shh').update(body).digest('hex')

describe('Webhook send', () => {
  afterEach(() => nock.cleanAll())

  it('sends the data with mapped headers and an HMAC-SHA256 signature of the exact body', async () => {
    const data = { event: 'Signed Up', plan: 'pro' }
    const body = JSON.stringify(data)
    const scope = nock('https://example.com')
      .put('/hooks/segment', data)
      .matchHeader('x-signature', sign(body))
      .matchHeader('x-team', 'growth')
      .matchHeader('content-type', 'application/json')
      .reply(204)

    await testDestination.testAction('send', {
      event: createTestEvent({ event: 'Signed Up', properties: { plan: 'pro' } }),
      settings: { sharedSecret: 'shh' },
      mapping: {
        url: 'https://example.com/hooks/segment',
        method: 'PUT',
        headers: { 'X-Team': 'growth' },
        data: { event: { '@path': '$.event' }, plan: { '@path': '$.properties.plan' } }
      }
    })
    expect(scope.isDone()).toBe(true)
  })

  it('omits the signature when no secret is set', async () => {
    const scope = nock('https://example.com', { badheaders: ['x-signature'] })
      .post('/hook', { a: 1 })
      .reply(200)
    await testDestination.testAction('send', {
      event: createTestEvent(),
      settings: {},
      mapping: { url: 'https://example.com/hook', method: 'POST', data: { a: 1 } }
    })
    expect(scope.isDone()).toBe(true)
  })

  it('sends a batch as one signed JSON array', async () => {
    const bodies = [{ n: 1 }, { n: 2 }]
    const scope = nock('https://example.com')
      .post('/batch', bodies)
      .matchHeader('x-signature', sign(JSON.stringify(bodies)))
      .reply(200)
    await testDestination.testBatchAction('send', {
      events: [createTestEvent({ properties: { n: 1 } }), createTestEvent({ properties: { n: 2 } })],
      settings: { sharedSecret: 'shh' },
      mapping: {
        url: 'https://example.com/batch',
        method: 'POST',
        enable_batching: true,
        data: { n: { '@path': '$.properties.n' } }
      }
    })
    expect(scope.isDone()).toBe(true)
  })

  it('refuses non-http URLs and unsupported methods', async () => {
    await expect(
      testDestination.testAction('send', {
        event: createTestEvent(),
        mapping: { url: 'ftp://example.com/x', method: 'POST' }
      })
    ).rejects.toThrow(
      new PayloadValidationError('Webhook field "url": "ftp://example.com/x" must use http or https, not ftp:')
    )
    await expect(
      testDestination.testAction('send', {
        event: createTestEvent(),
        mapping: { url: 'https://example.com/x', method: 'DELETE' }
      })
    ).rejects.toThrow('Method must be one of: "POST", "PUT", or "PATCH".')
  })

  it('maps a 403 to InvalidAuthenticationError', async () => {
    nock('https://example.com').post('/hook').reply(403, 'forbidden')
    await expect(
      testDestination.testAction('send', {
        event: createTestEvent(),
        mapping: { url: 'https://example.com/hook', method: 'POST', data: {} }
      })
    ).rejects.toThrow(InvalidAuthenticationError)
  })
})
