import nock from 'nock'
import { createInstance, createRequestClient } from '../../src/request-client'
import type { AllRequestOptions, RequestOptions } from '../../src/request-client'
import { HOST, startEchoHost } from './echo-host'

beforeAll(() => {
  nock.disableNetConnect()
  startEchoHost()
})
afterAll(() => {
  nock.cleanAll()
  nock.enableNetConnect()
})

const request = createRequestClient()
const loose = (options: unknown) => options as RequestOptions

describe('bad input gives clear errors', () => {
  // Like the reference, a bad URL is only found when the request is sent: the call rejects.
  it.each([
    ['a non-string URL', () => request(42 as unknown as string), 'Request URL must be a string, got number'],
    ['a relative URL', () => request('/a'), 'Only absolute URLs are supported'],
    ['a relative URL with searchParams', () => request('/a', { searchParams: { a: 1 } }), 'Invalid URL "/a"']
  ])('%s rejects', async (_label, run, message) => {
    await expect(run()).rejects.toThrow(message)
  })

  // Bad options throw from request() itself, as the reference's option merging and Request
  // constructor do, so a synchronous try/catch around request() sees them.
  it.each([
    ['non-object options', () => request(`${HOST}/a`, loose('x')), 'Request options must be an object'],
    [
      'a non-string method',
      () => request(`${HOST}/a`, loose({ method: 1 })),
      'Request option "method" must be a string'
    ],
    ['a negative timeout', () => request(`${HOST}/a`, loose({ timeout: -1 })), 'Request option "timeout" must be'],
    ['a string timeout', () => request(`${HOST}/a`, loose({ timeout: '5' })), 'Request option "timeout" must be'],
    [
      'a numeric username',
      () => request(`${HOST}/a`, loose({ username: 1 })),
      'Request option "username" must be a string'
    ],
    ['scalar headers', () => request(`${HOST}/a`, loose({ headers: 'x' })), 'Request option "headers" must be'],
    ['bad header pairs', () => request(`${HOST}/a`, loose({ headers: [['a']] })), 'must hold [name, value] pairs'],
    [
      'scalar searchParams',
      () => request(`${HOST}/a`, loose({ searchParams: 5 })),
      'Request option "searchParams" must be'
    ],
    [
      'circular json',
      () => request(`${HOST}/a`, loose({ method: 'POST', json: circular() })),
      'Request option "json" cannot be serialized'
    ],
    ['json on a GET', () => request(`${HOST}/a`, { json: { a: 1 } }), 'Request with GET/HEAD method cannot have body'],
    [
      'a header value outside Latin-1',
      () => request(`${HOST}/a`, { headers: { 'x-name': 'h\u00e9llo\u20ac' } }),
      'h\u00e9llo\u20ac is not a legal HTTP header value'
    ],
    [
      'a header name with a space',
      () => request(`${HOST}/a`, { headers: { 'Bad Name': 'x' } }),
      'Bad Name is not a legal HTTP header name'
    ]
  ])('%s throws synchronously', (_label, run, message) => {
    expect(run).toThrow(message)
  })

  it('rejects hooks that are not arrays of functions when the client is built', () => {
    expect(() => createRequestClient({ beforeRequest: 'x' } as unknown as AllRequestOptions)).toThrow(
      'Request option "beforeRequest" must be an array of functions'
    )
    expect(() => createInstance().extend({ afterResponse: [1] } as unknown as AllRequestOptions)).toThrow(
      'Request option "afterResponse" must be an array of functions'
    )
  })
})

function circular(): Record<string, unknown> {
  const value: Record<string, unknown> = {}
  value.self = value
  return value
}
