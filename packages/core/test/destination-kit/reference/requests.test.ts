import nock from 'nock'
import { Destination, createTestEvent, createTestIntegration } from '../../../src'
import { HOST, destinationWith, subscribed } from './reference-definition'
import type { Perform } from './reference-definition'

// Requests made by perform and performBatch, and what they give back. Expected values are the
// reference's answers (see reference-definition.ts).

beforeAll(() => nock.disableNetConnect())
afterEach(() => nock.cleanAll())
afterAll(() => nock.enableNetConnect())

describe('requests made by perform', () => {
  it('response.options.headers hold the headers as given, without the content type json adds', async () => {
    const destination = createTestIntegration({
      ...destinationWith({
        perform: (request) => request(`${HOST}/json`, { method: 'post', json: { a: 1 }, headers: { 'X-Own': 'o' } })
      }),
      extendRequest: () => ({ headers: { authorization: 'Bearer t' } })
    })
    nock(HOST).post('/json').matchHeader('content-type', 'application/json').reply(200, {})
    const [response] = await destination.testAction('a', { mapping: { f: 'x' } })
    const headers: Record<string, string> = {}
    new Headers(response.options.headers as HeadersInit).forEach((value, name) => (headers[name] = value))
    expect(headers).toEqual({
      authorization: 'Bearer t',
      'user-agent': 'Segment (Actions)',
      'x-own': 'o'
    })
    expect(response.request.headers.get('content-type')).toBe('application/json')
  })

  it('an invalid header value throws synchronously from request(), inside perform', async () => {
    const destination = new Destination(
      destinationWith({
        perform: ((request) => {
          try {
            void request(`${HOST}/x`, { headers: { 'x-name': 'h\u00e9llo\u20ac' } })
            return 'sent'
          } catch (error) {
            return `caught: ${(error as Error).message}`
          }
        }) as Perform
      })
    )
    const results = await destination.onEvent(createTestEvent(), subscribed({ f: 'x' }))
    expect(results[2].data).toBe('caught: h\u00e9llo\u20ac is not a legal HTTP header value')
  })
})

describe('performBatch returning an HTTPError', () => {
  it('gives every sent payload its status, with the error message as the body', async () => {
    const destination = new Destination(
      destinationWith({
        perform: (request) => request(`${HOST}/one`),
        performBatch: async (request) => {
          try {
            await request(`${HOST}/batch`, { method: 'post', json: [] })
          } catch (error) {
            return error
          }
        }
      })
    )
    nock(HOST).post('/batch').reply(418)
    const results = await destination.onBatch([createTestEvent()], subscribed({ f: 'x' }))
    expect(results).toEqual([{ multistatus: [{ status: 418, body: "I'm a Teapot", sent: { f: 'x' } }] }])
  })
})
