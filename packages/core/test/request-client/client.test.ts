import nock from 'nock'
import { HTTPError, createInstance, createRequestClient, DEFAULT_REQUEST_TIMEOUT } from '../../src/request-client'
import type { ModifiedResponse } from '../../src/request-client'
import { Response } from '../../src/fetch'
import { HOST, startEchoHost } from './echo-host'
import type { Echo } from './echo-host'

beforeAll(() => {
  nock.disableNetConnect()
  startEchoHost()
})
afterAll(() => {
  nock.cleanAll()
  nock.enableNetConnect()
})

const request = createRequestClient()

async function echo(url: string, options?: Parameters<typeof request>[1]): Promise<Echo> {
  return (await request<Echo>(url, options)).data
}

describe('createRequestClient options', () => {
  it('sends a GET with the Segment user agent by default', async () => {
    expect(await echo(`${HOST}/a`)).toEqual({
      method: 'GET',
      path: '/a',
      headers: { 'user-agent': 'Segment (Actions)' },
      body: null
    })
  })

  it('encodes json with a forced JSON content type, and json wins over body', async () => {
    const sent = await echo(`${HOST}/a`, {
      method: 'post',
      json: { x: 1 },
      body: 'ignored',
      headers: { 'Content-Type': 'application/vnd+json', 'X-A': 'a' }
    })
    expect(sent).toEqual({
      method: 'POST',
      path: '/a',
      headers: { 'user-agent': 'Segment (Actions)', 'x-a': 'a', 'content-type': 'application/json' },
      body: { x: 1 }
    })
  })

  it('sends json null and strings as JSON, and nothing for json undefined', async () => {
    expect((await echo(`${HOST}/a`, { method: 'POST', json: null })).body).toBeNull()
    expect((await echo(`${HOST}/a`, { method: 'POST', json: 'str' })).body).toBe('str')
    const none = await echo(`${HOST}/a`, { method: 'POST', json: undefined })
    expect(none.headers['content-type']).toBeUndefined()
  })

  it('sends a raw body with its own content type', async () => {
    const sent = await echo(`${HOST}/a`, { method: 'PUT', body: 'raw', headers: { 'content-type': 'text/plain' } })
    expect(sent).toEqual({
      method: 'PUT',
      path: '/a',
      headers: { 'user-agent': 'Segment (Actions)', 'content-type': 'text/plain' },
      body: 'raw'
    })
    const form = await echo(`${HOST}/a`, { method: 'POST', body: new URLSearchParams({ f: '1' }) })
    expect(form.body).toBe('f=1')
    expect(form.headers['content-type']).toBe('application/x-www-form-urlencoded;charset=UTF-8')
  })

  it('encodes searchParams, replacing the query string of the URL (as the reference does)', async () => {
    expect((await echo(`${HOST}/a?q=1`, { searchParams: { a: 1, b: true, c: 's p' } })).path).toBe(
      '/a?a=1&b=true&c=s+p'
    )
    expect((await echo(`${HOST}/a?q=1`, { searchParams: new URLSearchParams('z=1&z=2') })).path).toBe('/a?z=1&z=2')
    expect((await echo(`${HOST}/a?q=1`)).path).toBe('/a?q=1')
  })

  it('adds basic auth from username/password (UTF-8), overriding an Authorization header', async () => {
    expect((await echo(`${HOST}/a`, { username: 'u', password: 'p' })).headers.authorization).toBe('Basic dTpw')
    expect((await echo(`${HOST}/a`, { username: 'u' })).headers.authorization).toBe('Basic dTo=')
    // Recorded from the reference's conformance case "basic-auth: unicode credentials".
    expect((await echo(`${HOST}/a`, { username: 'usér', password: 'päss' })).headers.authorization).toBe(
      'Basic dXPDqXI6cMOkc3M='
    )
    const layered = createRequestClient({ username: 'u', password: 'p' })
    const sent = (await layered<Echo>(`${HOST}/a`, { headers: { Authorization: 'Bearer x' } })).data
    expect(sent.headers.authorization).toBe('Basic dTpw')
  })

  it('upper-cases methods and skips undefined header values', async () => {
    const sent = await echo(`${HOST}/a`, {
      method: 'patch',
      headers: { a: undefined as unknown as string, b: 'x', n: 1 as unknown as string }
    })
    expect(sent.method).toBe('PATCH')
    expect(sent.headers).toEqual({ 'user-agent': 'Segment (Actions)', b: 'x', n: '1' })
  })

  it('accepts Headers instances and [name, value] pairs', async () => {
    const { Headers } = await import('../../src/fetch')
    expect(
      (await echo(`${HOST}/a`, { headers: new Headers({ 'X-H': 'v' }) as unknown as Record<string, string> })).headers[
        'x-h'
      ]
    ).toBe('v')
    expect(
      (await echo(`${HOST}/a`, { headers: [['x-arr', 'v']] as unknown as Record<string, string> })).headers['x-arr']
    ).toBe('v')
  })
})

describe('responses', () => {
  it('carries parsed data, raw content and headers.toJSON', async () => {
    const response = await request<Echo>(`${HOST}/a`)
    expect(response.status).toBe(200)
    expect(response.ok).toBe(true)
    expect(response.url).toBe(`${HOST}/a`)
    expect(typeof response.content).toBe('string')
    expect(JSON.parse(response.content)).toEqual(response.data)
    expect(response.headers.toJSON()).toEqual({ 'content-type': 'application/json' })
    expect(Object.keys(response)).toEqual(expect.arrayContaining(['content', 'data']))
    // The body can still be read by the caller.
    expect(await response.json()).toEqual(response.data)
  })

  it.each([
    ['application/json', '{"a":1}', { a: 1 }],
    ['application/json; charset=utf-8', '{bad', undefined],
    ['application/json', '', undefined],
    ['application/json-seq', '{"a":1}', { a: 1 }],
    ['text/plain', '{"a":1}', '{"a":1}'],
    ['application/problem+json', '{"a":1}', '{"a":1}'],
    ['Application/Json', '{"a":1}', '{"a":1}'],
    ['text/html', '123', '123']
  ])('content type %s with body %p gives data %p (reference rules)', async (contentType, body, data) => {
    nock('https://ct.invalid').get('/').reply(200, body, { 'content-type': contentType })
    const response = await request('https://ct.invalid/')
    expect(response.data).toEqual(data)
    expect(response.content).toBe(body)
  })

  it('gives empty text for a 204', async () => {
    nock('https://ct.invalid').get('/').reply(204)
    const response = await request('https://ct.invalid/')
    expect([response.status, response.data, response.content]).toEqual([204, '', ''])
  })

  it('createInstance returns the plain response without data/content and no Segment user agent', async () => {
    const plain = createInstance()
    const response = await plain(`${HOST}/a`)
    expect('data' in response).toBe(false)
    const body = (await response.json()) as Echo
    expect(body.headers['user-agent']).not.toBe('Segment (Actions)')
  })
})

describe('HTTP errors', () => {
  it('throws HTTPError whose message is the status text and which has no status/code', async () => {
    const error = (await request(`${HOST}/a?status=404`).catch((e: unknown) => e)) as HTTPError
    expect(error).toBeInstanceOf(HTTPError)
    expect(error.name).toBe('HTTPError')
    expect(error.message).toBe('Not Found')
    expect(Object.keys(error)).toEqual(['response', 'request', 'options'])
    expect((error as unknown as { status?: number }).status).toBeUndefined()
    expect((error as unknown as { code?: string }).code).toBeUndefined()
    expect(error.response.status).toBe(404)
    expect((error.response as ModifiedResponse<Echo>).data.path).toBe('/a?status=404')
    expect(error.request.url).toBe(`${HOST}/a?status=404`)
    expect(error.options.method).toBe('GET')
    expect(error.options.throwHttpErrors).toBe(true)
    expect(error.options.timeout).toBe(DEFAULT_REQUEST_TIMEOUT)
  })

  it('uses the reference status texts', async () => {
    await expect(request(`${HOST}/a?status=500`)).rejects.toThrow('Internal Server Error')
    await expect(request(`${HOST}/a?status=418`)).rejects.toThrow("I'm a Teapot")
    await expect(request(`${HOST}/a?status=599`)).rejects.toThrow('599')
  })

  it('returns the response with throwHttpErrors: false, per request or per layer', async () => {
    const response = await request<Echo>(`${HOST}/a?status=404`, { throwHttpErrors: false })
    expect(response.status).toBe(404)
    expect(response.statusText).toBe('Not Found')
    expect(response.data.path).toBe('/a?status=404')
    const lenient = createRequestClient({ throwHttpErrors: false })
    expect((await lenient(`${HOST}/a?status=500`)).status).toBe(500)
  })

  it('createInstance throws HTTPError too', async () => {
    const error = (await createInstance()(`${HOST}/a?status=404`).catch((e: unknown) => e)) as HTTPError
    expect(error).toBeInstanceOf(HTTPError)
    expect(error.message).toBe('Not Found')
  })

  it('lets an afterResponse hook replace a failed response before the status check', async () => {
    const client = createRequestClient({
      afterResponse: [() => new Response('{"ok":1}', { status: 200, headers: { 'content-type': 'application/json' } })]
    })
    const response = await client(`${HOST}/a?status=404`)
    expect(response.status).toBe(200)
    // Unlike the reference, a replaced response is parsed too.
    expect(response.data).toEqual({ ok: 1 })
  })
})
