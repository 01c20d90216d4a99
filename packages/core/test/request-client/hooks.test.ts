import nock from 'nock'
import { createRequestClient } from '../../src/request-client'
import type { NormalizedOptions } from '../../src/request-client'
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

describe('hooks', () => {
  it('runs beforeRequest and afterResponse hooks of every layer in order, merging returned options', async () => {
    const calls: unknown[] = []
    const client = createRequestClient(
      {
        beforeRequest: [
          (options) => {
            calls.push(['b1', options.method, (options.headers as Headers).get('x-req'), options.json])
            return { headers: { 'x-hook': '1' } }
          }
        ],
        afterResponse: [
          (request, _options, response) => {
            calls.push(['a1', request.url, response.status, typeof (response as unknown as { data: unknown }).data])
          }
        ]
      },
      {
        beforeRequest: [
          (options) => {
            calls.push(['b2', (options.headers as Headers).get('x-hook'), options.searchParams])
            return { searchParams: { h: 1 } }
          }
        ],
        afterResponse: [
          (_request, _options, response) => {
            calls.push(['a2', response.status])
            return new Response(JSON.stringify({ replaced: true }), {
              status: 201,
              headers: { 'content-type': 'application/json' }
            })
          }
        ]
      }
    )
    const response = await client(`${HOST}/a`, {
      searchParams: { q: 1 },
      json: { a: 1 },
      method: 'post',
      headers: { 'x-req': 'r' }
    })
    expect(response.status).toBe(201)
    expect(response.data).toEqual({ replaced: true })
    // Recorded from the reference, minus its `headers=%5Bobject+Object%5D`.
    expect(calls).toEqual([
      ['b1', 'POST', 'r', { a: 1 }],
      ['b2', '1', { q: '1' }],
      ['a1', `${HOST}/a?q=1&h=1`, 200, 'object'],
      ['a2', 200]
    ])
  })

  it('gives beforeRequest normalized options and applies a changed method and json', async () => {
    let seen: NormalizedOptions | undefined
    const client = createRequestClient({
      beforeRequest: [
        (options) => {
          seen = options
          return { method: 'PUT', json: { z: 1 } }
        }
      ]
    })
    const result = (await client<Echo>(`${HOST}/x`)).data
    expect(result.method).toBe('PUT')
    expect(result.body).toEqual({ z: 1 })
    expect(seen?.method).toBe('GET')
    expect(seen?.throwHttpErrors).toBe(true)
    expect(seen?.timeout).toBe(10000)
    expect((seen?.headers as Headers).get('user-agent')).toBe('Segment (Actions)')
  })

  it('ignores afterResponse results that are not responses', async () => {
    const client = createRequestClient({ afterResponse: [() => ({ not: 'a response' }) as unknown as Response] })
    expect((await client<Echo>(`${HOST}/x`)).data.path).toBe('/x')
  })

  it('rejects with what a hook throws', async () => {
    const client = createRequestClient({
      beforeRequest: [
        () => {
          throw new Error('boom')
        }
      ]
    })
    await expect(client(`${HOST}/x`)).rejects.toThrow('boom')
  })
})

function record(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {}
  headers.forEach((value, name) => (out[name] = value))
  return out
}

describe('the options hooks and responses see', () => {
  // As in the reference, `options.headers` holds the headers as the caller gave them (merged with
  // the client's layers); the content type that `json` implies is on the request only.
  it('leave out the content type that json adds, which the request still carries', async () => {
    const seen: Array<[Record<string, string>, Record<string, string>]> = []
    const client = createRequestClient({
      headers: { 'X-Layer': 'l' },
      afterResponse: [
        (request, options) => {
          seen.push([record(new Headers(options.headers)), record(request.headers)])
        }
      ]
    })
    const plain = await client<Echo>(`${HOST}/a`, { method: 'POST', json: { a: 1 } })
    const typed = await client<Echo>(`${HOST}/b`, {
      method: 'POST',
      json: { a: 1 },
      headers: { 'Content-Type': 'text/x' },
      username: 'u',
      password: 'p'
    })
    expect(seen[0][0]).toEqual({ 'user-agent': 'Segment (Actions)', 'x-layer': 'l' })
    expect(seen[0][1]['content-type']).toBe('application/json')
    expect(plain.data.headers['content-type']).toBe('application/json')
    // The caller's own content type stays in the options; the request sends JSON's.
    expect(seen[1][0]).toEqual({
      'user-agent': 'Segment (Actions)',
      'x-layer': 'l',
      'content-type': 'text/x',
      authorization: 'Basic dTpw'
    })
    expect(typed.data.headers['content-type']).toBe('application/json')
    expect(typed.data.headers.authorization).toBe('Basic dTpw')
  })
})
