import type { AddressInfo } from 'net'
import type { Server } from 'http'
import { createServer } from '../src/lib/server/create-server'
import type { CapturedResponse, RuntimeDestination } from '../src/lib/core-runtime'
import type { DefinitionLike } from '../src/lib/definition-types'
import { startFakeApi, type FakeApi } from './helpers/fake-api'

// A stand-in for core's Destination: enough behaviour to exercise the routes and the error mapping.
function fakeDestination(apiUrl: string): RuntimeDestination {
  const responses: CapturedResponse[] = []
  const definition: DefinitionLike = {
    name: 'Fake',
    slug: 'actions-fake',
    mode: 'cloud',
    authentication: { scheme: 'custom', fields: { apiKey: { label: 'Key', description: 'Key.', type: 'password' } } },
    actions: {
      send: {
        title: 'Send',
        description: 'Sends.',
        fields: { name: { label: 'Name', description: 'Name.', type: 'string', required: true } },
        perform: () => undefined
      }
    }
  }
  const send = async (payload: Record<string, unknown>, settings: Record<string, unknown>): Promise<void> => {
    const headers = { authorization: `Bearer ${String(settings.apiKey)}`, 'content-type': 'application/json' }
    const body = JSON.stringify(payload)
    const res = await fetch(`${apiUrl}/events`, { method: 'POST', headers, body })
    const content = await res.text()
    responses.push({
      status: res.status,
      statusText: res.statusText,
      headers: res.headers,
      content,
      request: { method: 'POST', url: `${apiUrl}/events`, headers },
      options: { body }
    })
  }
  const resolve = (mapping: Record<string, unknown>, data: Record<string, unknown>): Record<string, unknown> => {
    const out: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(mapping)) {
      if (value && typeof value === 'object' && '@bogus' in value) {
        throw Object.assign(new Error(`/${key} has an invalid directive "@bogus"`), { name: 'ValidationError' })
      }
      const path = value && typeof value === 'object' ? String((value as Record<string, unknown>)['@path']) : ''
      out[key] = path.startsWith('$.') ? data[path.slice(2)] : value
    }
    if (typeof out.name !== 'string') {
      throw Object.assign(new Error("The root value is missing the required field 'name'."), {
        name: 'PayloadValidationError',
        status: 400,
        code: 'PAYLOAD_VALIDATION_FAILED'
      })
    }
    return out
  }
  return {
    definition,
    responses,
    actions: {
      send: {
        hasBatchSupport: false,
        execute: async (bundle) => {
          const settings = (bundle.settings ?? {}) as Record<string, unknown>
          await send(
            resolve(bundle.mapping as Record<string, unknown>, bundle.data as Record<string, unknown>),
            settings
          )
          return [{ output: 'done' }]
        }
      }
    },
    testAuthentication: async (settings) => {
      if ((settings as Record<string, unknown>).apiKey !== 'good') throw new Error('Credentials are invalid')
    },
    refreshAccessToken: async () => undefined
  }
}

describe('createServer', () => {
  let api: FakeApi
  let server: Server
  let base: string

  beforeAll(async () => {
    api = await startFakeApi()
    const app = createServer({ destination: fakeDestination(api.url) })
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening))
    })
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()))
    await api.close()
  })

  const post = async (path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> => {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body)
    })
    return { status: res.status, json: (await res.json()) as Record<string, unknown> }
  }

  it('answers GET /manifest with the destination, settings and actions', async () => {
    const res = await fetch(`${base}/manifest`)
    const manifest = (await res.json()) as {
      destination: Record<string, unknown>
      actions: Record<string, Record<string, unknown>>
    }
    expect(res.status).toBe(200)
    expect(manifest.destination.name).toBe('Fake')
    expect(Object.keys(manifest.destination.settings as object)).toEqual(['apiKey'])
    expect(manifest.actions.send.title).toBe('Send')
    expect(Object.keys(manifest.actions.send.fields as object)).toEqual(['name'])
  })

  it('runs an action and answers with the exchanges it made, secrets redacted', async () => {
    const { status, json } = await post('/send', { payload: { name: 'Ada' }, settings: { apiKey: 'sekrit' } })
    expect(status).toBe(200)
    const exchanges = json as unknown as Array<{ request: Record<string, unknown>; response: Record<string, unknown> }>
    expect(exchanges).toHaveLength(1)
    expect(exchanges[0].request).toMatchObject({ method: 'POST', url: `${api.url}/events`, body: { name: 'Ada' } })
    expect((exchanges[0].request.headers as Record<string, string>).authorization).toBe('********')
    expect(exchanges[0].response).toMatchObject({ status: 200, body: { ok: true } })
    expect((exchanges[0].response.headers as Record<string, string>)['set-cookie']).toBe('********')
    expect(api.received.at(-1)?.headers.authorization).toBe('Bearer sekrit')
    expect(JSON.stringify(json)).not.toContain('sekrit')
  })

  it('applies a mapping to the payload', async () => {
    const { status } = await post('/send', { payload: { first: 'Grace' }, mapping: { name: { '@path': '$.first' } } })
    expect(status).toBe(200)
    expect(JSON.parse(api.received.at(-1)?.body ?? '{}')).toEqual({ name: 'Grace' })
  })

  it('answers malformed JSON with 400 naming the route', async () => {
    const { status, json } = await post('/send', '{"payload": ')
    expect(status).toBe(400)
    expect((json.error as Record<string, string>).message).toContain('POST /send: the body is not valid JSON')
  })

  it('answers an unknown action with 404 listing the actions', async () => {
    const { status, json } = await post('/nope', { payload: {} })
    expect(status).toBe(404)
    expect(json.error).toMatchObject({ message: 'Unknown action "nope" (actions: send)', action: 'nope' })
  })

  it('answers an invalid mapping with 400', async () => {
    const { status, json } = await post('/send', { payload: {}, mapping: { name: { '@bogus': 1 } } })
    expect(status).toBe(400)
    expect(json.error).toMatchObject({ name: 'ValidationError', message: '/name has an invalid directive "@bogus"' })
  })

  it('answers a payload failing the schema with 400 and its code', async () => {
    const { status, json } = await post('/send', { payload: { name: 42 } })
    expect(status).toBe(400)
    expect(json.error).toMatchObject({ code: 'PAYLOAD_VALIDATION_FAILED' })
  })

  it('rejects badly typed body properties, naming them', async () => {
    expect((await post('/send', { payload: 'x' })).json.error).toMatchObject({
      message: 'POST /send: "payload" must be an object, or an array of objects for a batch'
    })
    expect((await post('/send', { payload: {}, settings: [1] })).json.error).toMatchObject({
      message: 'POST /send: "settings" must be an object',
      field: 'settings'
    })
    expect((await post('/send', [1, 2])).status).toBe(400)
    expect((await post('/send', { payload: [{ name: 'a' }] })).json.error).toMatchObject({
      message: 'POST /send: action "send" does not support batches (no performBatch)'
    })
  })

  it('tests authentication', async () => {
    expect(await post('/authenticate', { settings: { apiKey: 'good' } })).toMatchObject({
      status: 200,
      json: { ok: true }
    })
    const bad = await post('/authenticate', { settings: { apiKey: 'bad' } })
    expect(bad.status).toBe(500)
    expect(bad.json.error).toMatchObject({ message: 'Credentials are invalid' })
  })

  it('answers routes the destination does not support with 400/404, and keeps serving', async () => {
    expect((await post('/createAudience', { audienceName: 'x' })).json.error).toMatchObject({
      message: 'POST /createAudience: the destination is not an audience destination'
    })
    expect((await post('/send/hooks/onMappingSave', {})).status).toBe(404)
    expect((await post('/refreshAccessToken', {})).status).toBe(400)
    expect((await fetch(`${base}/manifest`)).status).toBe(200)
  })
})
