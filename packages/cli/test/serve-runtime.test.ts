import http from 'http'
import type { AddressInfo } from 'net'
import { loadCore, type RuntimeDestination } from '../src/lib/core-runtime'
import { createServer } from '../src/lib/server/create-server'
import type { DefinitionLike } from '../src/lib/definition-types'

jest.setTimeout(30_000)

// A real core Destination: required password and URL settings, one action posting to the endpoint.
const definition = {
  name: 'Runtime Fixture',
  mode: 'cloud',
  authentication: {
    scheme: 'custom',
    fields: {
      apiKey: { label: 'API Key', description: 'Key.', type: 'password', required: true },
      endpoint: { label: 'Endpoint', description: 'Base URL.', type: 'string', format: 'uri', required: true }
    }
  },
  extendRequest: ({ settings }: { settings: Record<string, string> }) => ({
    headers: { authorization: `Bearer ${settings.apiKey}` }
  }),
  actions: {
    send: {
      title: 'Send',
      description: 'Posts a name.',
      fields: {
        path: { label: 'Path', description: 'Path.', type: 'string', required: true },
        name: { label: 'Name', description: 'Name.', type: 'string' }
      },
      perform: (
        request: (url: string, options: unknown) => Promise<unknown>,
        { payload, settings }: { payload: Record<string, string>; settings: Record<string, string> }
      ) => request(`${settings.endpoint}${payload.path}`, { method: 'post', json: { name: payload.name } }),
      performBatch: (
        request: (url: string, options: unknown) => Promise<unknown>,
        { payload, settings }: { payload: Array<Record<string, string>>; settings: Record<string, string> }
      ) => request(`${settings.endpoint}/batch`, { method: 'post', json: payload })
    },
    boom: {
      title: 'Boom',
      description: 'Throws.',
      fields: {},
      perform: (_request: unknown, { settings }: { settings: Record<string, string> }) => {
        throw new Error(`perform failed with key ${settings.apiKey}`)
      }
    }
  }
} as unknown as DefinitionLike

// A partner on 127.0.0.1: /hang never answers (until the test ends), everything else answers 200.
async function startPartner() {
  const received: string[] = []
  const hanging: http.ServerResponse[] = []
  const server = http.createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      received.push(req.url ?? '')
      if (req.url === '/hang') hanging.push(res)
      else res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: async () => {
      hanging.forEach((res) => res.destroy())
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}

describe('serve runs requests concurrently, checks settings and reports failures (#16.5, #16.9, #17.8)', () => {
  let partner: Awaited<ReturnType<typeof startPartner>>
  let server: http.Server
  let base: string
  const lines: string[] = []
  const previousTimeout = process.env.DEFAULT_REQUEST_TIMEOUT

  beforeAll(async () => {
    // The request client reads its default timeout per client: short, so the hanging call ends soon.
    process.env.DEFAULT_REQUEST_TIMEOUT = '1500'
    partner = await startPartner()
    const core = loadCore()
    const template = core.createDestination(definition)
    const app = createServer({
      destination: () => template,
      createInstance: (loaded: RuntimeDestination) => core.createDestination(loaded.definition),
      onRequest: (line) => lines.push(line),
      limits: { maxEvents: 3 },
      webDirectory: '/nonexistent-web-dir'
    })
    server = await new Promise<http.Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening))
    })
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    if (previousTimeout === undefined) delete process.env.DEFAULT_REQUEST_TIMEOUT
    else process.env.DEFAULT_REQUEST_TIMEOUT = previousTimeout
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
    await partner.close()
  })

  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body)
    })
    return { status: res.status, json: (await res.json()) as Record<string, any> }
  }
  const settings = () => ({ apiKey: 'key-0123456789', endpoint: partner.url })

  it('answers 400 naming the setting, before anything is sent', async () => {
    const before = partner.received.length
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ endpoint: partner.url }, 'settings.apiKey', 'the required setting "apiKey" (API Key) is missing'],
      [{ ...settings(), apiKey: { o: 1 } }, 'settings.apiKey', 'API Key must be a string'],
      [{ ...settings(), endpoint: 'not a url' }, 'settings.endpoint', 'Endpoint'],
      [{}, 'settings.apiKey', 'is missing']
    ]
    for (const [given, field, message] of cases) {
      const { status, json } = await post('/send', { payload: { path: '/x' }, settings: given })
      expect([given, status]).toEqual([given, 400])
      expect(json.error.field).toBe(field)
      expect(json.error.message).toContain(`POST /send: invalid settings: ${field}: `)
      expect(json.error.message).toContain(message)
    }
    const auth = await post('/authenticate', { settings: { endpoint: partner.url } })
    expect(auth.status).toBe(400)
    expect(auth.json.error.field).toBe('settings.apiKey')
    expect(partner.received.length).toBe(before)
  })

  it('lets other requests finish while one waits on a partner that never answers, then answers 504', async () => {
    const order: string[] = []
    const hanging = post('/send', { payload: { path: '/hang' }, settings: settings() }).then((answer) => {
      order.push('hanging')
      return answer
    })
    // Wait until the hanging request reached the partner, so it holds its instance.
    while (!partner.received.includes('/hang')) await new Promise((resolve) => setTimeout(resolve, 20))
    const fast = await post('/send', { payload: { path: '/fast', name: 'Ada' }, settings: settings() })
    order.push('fast')
    const counts = await fetch(`${base}/tester-api/counts`)
    order.push('counts')
    expect(fast.status).toBe(200)
    // Each request sees only its own exchanges, even while another is in flight.
    expect(fast.json).toHaveLength(1)
    expect(fast.json[0].request.url).toBe(`${partner.url}/fast`)
    expect(counts.status).toBe(200)
    const timedOut = await hanging
    expect(order).toEqual(['fast', 'counts', 'hanging'])
    expect(timedOut.status).toBe(504)
    expect(timedOut.json.error.message).toContain('timed out')
  })

  it('logs a failure with its message and where it came from, secrets masked in the answer and the log', async () => {
    const { status, json } = await post('/boom', { payload: {}, settings: settings() })
    expect(status).toBe(500)
    expect(json.error.message).toBe('perform failed with key ********')
    const line = lines.find((entry) => entry.startsWith('POST /boom -> 500'))
    expect(line).toContain('perform failed with key ********')
    expect(line).toMatch(/\(at packages\/cli\/test\/serve-runtime\.test\.ts:\d+:\d+\)$/)
    expect(lines.join('\n')).not.toContain('key-0123456789')
  })

  it('caps the events of one batch with a 413 naming the limit, before anything is sent', async () => {
    const before = partner.received.length
    const events = [1, 2, 3, 4].map((n) => ({ path: '/b', name: `n${n}` }))
    const { status, json } = await post('/send', { events, settings: settings() })
    expect(status).toBe(413)
    expect(json.error.message).toBe('POST /send: a batch may hold at most 3 events (got 4); send it in parts')
    expect(partner.received.length).toBe(before)
    expect((await post('/send', { events: events.slice(0, 3), settings: settings() })).status).toBe(200)
  })
})
