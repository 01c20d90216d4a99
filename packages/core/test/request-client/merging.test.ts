import nock from 'nock'
import { createInstance, createRequestClient } from '../../src/request-client'
import type { AllRequestOptions, RequestOptions } from '../../src/request-client'
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

async function sent(layers: AllRequestOptions[], url: string, options?: RequestOptions): Promise<Echo> {
  return (await createRequestClient(...layers)<Echo>(url, options)).data
}

// Each expectation was recorded by running @segment/actions-core 3.170.0 with the same layers,
// except where noted: there the reference adds `headers=%5Bobject+Object%5D` (or drops a layer) and we don't.
describe('merging layered options', () => {
  it('merges headers case-insensitively, later layers winning (reference)', async () => {
    const result = await sent([{ headers: { A: '1', b: '2' }, timeout: 5000 }, { headers: { a: '3' } }], `${HOST}/a`, {
      headers: { B: '4', c: '5' }
    })
    expect(result.headers).toEqual({ a: '3', b: '4', c: '5', 'user-agent': 'Segment (Actions)' })
    expect(result.path).toBe('/a')
  })

  it('lets a layer override the user agent', async () => {
    const result = await sent([{ headers: { 'User-Agent': 'Mine/1' } }], `${HOST}/a`)
    expect(result.headers['user-agent']).toBe('Mine/1')
  })

  it('merges object search params by name (reference: /a?base=1&headers=%5Bobject+Object%5D&req=2)', async () => {
    const result = await sent([{ searchParams: { base: 1 } }], `${HOST}/a`, { searchParams: { req: 2 } })
    expect(result.path).toBe('/a?base=1&req=2')
  })

  it('keeps URLSearchParams layers (reference lost them: /x?headers=%5Bobject+Headers%5D&b=2&a=3)', async () => {
    const result = await sent(
      [{ searchParams: new URLSearchParams('a=1&a=2&k=1') }, { searchParams: { b: 2 } }],
      `${HOST}/x?keep=1`,
      { searchParams: { a: 3 } }
    )
    expect(result.path).toBe('/x?k=1&b=2&a=3')
  })

  it('lets request URLSearchParams override object layers (reference: /x?a=1&headers=%5Bobject+Object%5D)', async () => {
    const result = await sent([{ searchParams: { a: 1 } }], `${HOST}/x`, {
      searchParams: new URLSearchParams('a=9&c=1')
    })
    expect(result.path).toBe('/x?a=9&c=1')
  })

  it('applies base-only search params, replacing the URL query (reference)', async () => {
    expect((await sent([{ searchParams: { a: 1 } }], `${HOST}/x?q=1`)).path).toBe('/x?a=1')
  })

  it('skips undefined search param values (reference sent a=undefined) but keeps null as "null"', async () => {
    const result = await sent([], `${HOST}/x`, {
      searchParams: { a: undefined, b: null } as unknown as Record<string, string>
    })
    expect(result.path).toBe('/x?b=null')
  })

  it('deep-merges json objects and concatenates arrays (reference, minus its stray "headers": {} keys)', async () => {
    const deep = await sent([{ json: { a: { x: 1 }, arr: [1, 2], keep: 1 }, method: 'post' }], `${HOST}/x`, {
      json: { a: { y: 2 }, arr: [3] }
    })
    expect(deep.body).toEqual({ a: { x: 1, y: 2 }, arr: [1, 2, 3], keep: 1 })
    expect((await sent([{ json: [1], method: 'post' }], `${HOST}/x`, { json: [2] })).body).toEqual([1, 2])
    expect((await sent([{ json: { base: 1 }, method: 'post' }], `${HOST}/x`)).body).toEqual({ base: 1 })
  })

  it('takes method and throwHttpErrors from layers (reference)', async () => {
    expect((await sent([{ method: 'put' }], `${HOST}/x`)).method).toBe('PUT')
    expect((await createRequestClient({ throwHttpErrors: false })(`${HOST}/x?status=500`)).status).toBe(500)
  })

  it('treats undefined as "not given" in later layers', async () => {
    const result = await sent([{ method: 'put', headers: { a: '1' } }], `${HOST}/x`, {
      method: undefined,
      headers: undefined
    })
    expect(result.method).toBe('PUT')
    expect(result.headers.a).toBe('1')
  })

  it('removes a header that a later layer sets to undefined (or to the text "undefined")', async () => {
    const layers = [{ headers: { authorization: 'Bearer t', 'x-a': 'a' } }]
    const dropped = await sent(layers, `${HOST}/x`, { headers: { Authorization: undefined } as Record<string, string> })
    expect(dropped.headers.authorization).toBeUndefined()
    expect(dropped.headers['x-a']).toBe('a')
    const text = await sent(layers, `${HOST}/x`, { headers: { authorization: 'undefined' } })
    expect(text.headers.authorization).toBeUndefined()
  })

  it('never mutates the options objects it is given', async () => {
    const base = { headers: { a: '1' }, searchParams: { s: '1' }, json: { nested: { x: 1 } }, method: 'post' as const }
    const req = { headers: { b: '2' }, searchParams: { t: '2' }, json: { nested: { y: 2 } } }
    const snapshot = JSON.stringify([base, req])
    const client = createRequestClient(base)
    await client(`${HOST}/x`, req)
    await client(`${HOST}/x`, req)
    expect(JSON.stringify([base, req])).toBe(snapshot)
  })

  it('does not let "__proto__" keys reach a prototype', async () => {
    const json = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>
    const result = await sent([{ json: { b: 2 }, method: 'post' }], `${HOST}/x`, { json })
    expect(result.body).toEqual({ b: 2, a: 1, ['__proto__']: { polluted: true } })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('extend', () => {
  it('layers defaults like the reference (reference URL also had headers=%5Bobject+Object%5D)', async () => {
    const first = createInstance({ headers: { a: '1' }, searchParams: { s: 1 } })
    const second = first.extend({ headers: { b: '2' }, searchParams: { t: 2 } })
    const body = (await (await second(`${HOST}/a`, { headers: { c: '3' } })).json()) as Echo
    expect(body.path).toBe('/a?s=1&t=2')
    expect(body.headers).toMatchObject({ a: '1', b: '2', c: '3' })
    const more = (await (await second(`${HOST}/a`, { searchParams: { u: 3 } })).json()) as Echo
    expect(more.path).toBe('/a?s=1&t=2&u=3')
    // The parent is unchanged.
    const parent = (await (await first(`${HOST}/a`)).json()) as Echo
    expect(parent.path).toBe('/a?s=1')
    expect(parent.headers.b).toBeUndefined()
  })
})
