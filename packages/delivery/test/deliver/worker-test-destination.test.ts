// The worker with a small destination defined here: multistatus batches, OAuth refresh, plain
// HTTP errors and timeouts.
import { MultiStatusResponse } from '@action-destinations/core'
import type { DestinationDefinition } from '@action-destinations/core'
import type { EngineConfig } from '../../src/config/types'
import { registryOf } from './test-registry'
import { startWorkerFixture } from './worker-fixture'
import type { WorkerFixture } from './worker-fixture'

interface Settings {
  apiKey?: string
}
interface Payload {
  url: string
  userId: string
}

const destination: DestinationDefinition<Settings> = {
  name: 'Worker Test',
  mode: 'cloud',
  authentication: {
    scheme: 'oauth2',
    fields: { apiKey: { label: 'API key', description: 'key', type: 'password' } },
    refreshAccessToken: async (request, { auth }) => {
      const response = await request<{ access_token: string }>(`${auth.refreshTokenUrl ?? ''}`, { method: 'post' })
      return { accessToken: (response.data as { access_token: string }).access_token }
    }
  },
  extendRequest: ({ auth }) => ({ headers: { authorization: `Bearer ${auth?.accessToken ?? ''}` } }),
  actions: {
    send: {
      title: 'Send',
      description: 'one user',
      fields: {
        url: { label: 'URL', description: 'u', type: 'string', required: true },
        userId: { label: 'User', description: 'u', type: 'string', required: true },
        enable_batching: { label: 'Batch', description: 'b', type: 'boolean', default: false }
      },
      perform: (request, { payload }) => request((payload as Payload).url, { method: 'post', json: payload }),
      performBatch: async (request, { payload }) => {
        const payloads = payload as Payload[]
        const response = await request<{ results: number[] }>(payloads[0].url, { method: 'post', json: payloads })
        const statuses = (response.data as { results: number[] }).results
        const multi = new MultiStatusResponse()
        statuses.forEach((status, i) => {
          if (status < 300) multi.setSuccessResponseAtIndex(i, { status, sent: payloads[i].userId, body: 'ok' })
          else multi.setErrorResponseAtIndex(i, { status, errormessage: `user ${payloads[i].userId} refused` })
        })
        return multi
      }
    }
  }
}
const registry = registryOf({ test: destination })

function config(mapping: Record<string, unknown>, settings: Record<string, unknown> = {}) {
  return (apiUrl: string): EngineConfig => ({
    sources: [{ name: 'web', writeKey: 'wk' }],
    destinations: [
      {
        name: 'svc',
        destination: 'test',
        sources: ['web'],
        settings: { apiKey: 'key-1234', ...settings },
        subscriptions: [
          {
            id: 'svc.send',
            name: 'Send',
            enabled: true,
            subscribe: 'type = "identify"',
            partnerAction: 'send',
            mapping: { url: `${apiUrl}/users`, userId: { '@path': '$.userId' }, ...mapping }
          }
        ]
      }
    ]
  })
}

const identifies = (...userIds: (string | undefined)[]) => userIds.map((userId) => ({ type: 'identify', userId }))

let fixture: WorkerFixture | undefined
afterEach(async () => {
  await fixture?.close()
  fixture = undefined
})

async function statesOf(f: WorkerFixture, ids: string[]): Promise<string[]> {
  return Promise.all(ids.map(async (id) => (await f.jobsOf(id))[0]?.state ?? 'missing'))
}

describe('delivery worker with a test destination', () => {
  it('reads the multistatus of a batch: each event gets its own outcome', async () => {
    fixture = await startWorkerFixture(config({ enable_batching: true }), registry)
    const f = fixture
    f.api.script('/users', (request, index) => {
      const users = (JSON.parse(request.body) as Payload[]).map((p) => p.userId)
      // First call: u2 is refused for good, u3 is rate limited; the retry of u3 succeeds.
      if (index === 0) return { body: { results: users.map((u) => (u === 'u2' ? 404 : u === 'u3' ? 503 : 200)) } }
      return { body: { results: users.map(() => 200) } }
    })
    // u4 has no userId: it fails validation inside the batch and is never sent.
    const ids = await f.ingest(identifies('u1', 'u2', 'u3', undefined))
    f.worker.start()
    await f.until(async () => (await statesOf(f, ids)).join() === 'delivered,dead,delivered,dead')
    const sent = f.api.requestsTo('/users').map((r) => (JSON.parse(r.body) as Payload[]).map((p) => p.userId))
    expect(sent).toEqual([['u1', 'u2', 'u3'], ['u3']])
    await f.until(() => f.sink.total('delivered') === 2)
    expect(f.sink.total('retried')).toBe(1)
    expect(f.sink.total('failed', 'NOT_FOUND')).toBe(1)
    expect(f.sink.total('failed_validation')).toBe(1)
    const dead = await f.temp.store.listDeadLetters({ limit: 10 })
    expect(dead.map((d) => d.error.code).sort()).toEqual(['NOT_FOUND', 'PAYLOAD_VALIDATION_FAILED'])
  })

  it('stores a refreshed OAuth token once and uses it for later deliveries', async () => {
    fixture = await startWorkerFixture(
      (url) =>
        config({}, { oauth: { access_token: 'old', refresh_token: 'r1', refresh_token_url: `${url}/token` } })(url),
      registry
    )
    const f = fixture
    f.api.script('/token', [{ body: { access_token: 'fresh' } }])
    f.api.script('/users', (request) => ({ status: request.headers.authorization === 'Bearer fresh' ? 200 : 401 }))
    const first = await f.ingest(identifies('u1'))
    f.worker.start()
    await f.until(async () => (await statesOf(f, first)).join() === 'delivered')
    const later = await f.ingest(identifies('u2', 'u3'))
    await f.until(async () => (await statesOf(f, later)).join() === 'delivered,delivered')
    expect(f.api.requestsTo('/token')).toHaveLength(1)
    expect(f.api.requestsTo('/users').map((r) => r.headers.authorization)).toEqual([
      'Bearer old',
      'Bearer fresh',
      'Bearer fresh',
      'Bearer fresh'
    ])
    const stored = await f.temp.store.loadConfig()
    expect(stored?.config.destinations[0].settings.oauth).toEqual({
      access_token: 'fresh',
      refresh_token: 'r1',
      refresh_token_url: `${f.api.url}/token`
    })
  })

  it('calls that hit a 401 together share one token refresh and one stored update', async () => {
    fixture = await startWorkerFixture(
      (url) =>
        config({}, { oauth: { access_token: 'old', refresh_token: 'r1', refresh_token_url: `${url}/token` } })(url),
      registry
    )
    const f = fixture
    f.api.script('/token', [{ body: { access_token: 'fresh' }, delayMs: 50 }])
    f.api.script('/users', (request) => ({
      status: request.headers.authorization === 'Bearer fresh' ? 200 : 401,
      delayMs: 30
    }))
    const updates = jest.spyOn(f.temp.store, 'updateInstanceSettings')
    const ids = await f.ingest(identifies('u1', 'u2', 'u3', 'u4', 'u5'))
    f.worker.start()
    await f.until(async () => (await statesOf(f, ids)).every((state) => state === 'delivered'))
    expect(f.api.requestsTo('/token')).toHaveLength(1)
    expect(updates).toHaveBeenCalledTimes(1)
    expect(f.api.maxInFlight).toBeGreaterThan(1)
  })

  it('a plain 400 goes to the dead letters at once with BAD_REQUEST', async () => {
    fixture = await startWorkerFixture(config({}), registry)
    const f = fixture
    f.api.script('/users', [{ status: 400, body: 'key-1234 is not welcome' }])
    const ids = await f.ingest(identifies('u1'))
    f.worker.start()
    await f.until(async () => (await statesOf(f, ids)).join() === 'dead')
    const [dead] = await f.temp.store.listDeadLetters({ limit: 1 })
    expect(dead.error).toMatchObject({ status: 400, code: 'BAD_REQUEST' })
    const [attempt] = await f.temp.store.recentAttempts({ limit: 1 })
    expect(attempt).toMatchObject({ outcome: 'failed', status: 400 })
    expect(attempt.response?.body).toBe('******** is not welcome')
    expect(attempt.request?.headers.authorization).toBe('********')
  })

  it('a call slower than the request timeout is retried as a 408', async () => {
    fixture = await startWorkerFixture(config({}), registry, { requestTimeoutMs: 100 })
    const f = fixture
    f.api.script('/users', [{ delayMs: 1000 }, {}])
    const ids = await f.ingest(identifies('u1'))
    f.worker.start()
    await f.until(async () => (await statesOf(f, ids)).join() === 'delivered')
    const attempts = await f.temp.store.recentAttempts({ limit: 10 })
    expect(attempts.find((a) => a.outcome === 'retry')?.error).toMatchObject({ status: 408 })
    // At least the slow call; a loaded machine may make a normal call miss 100 ms too.
    expect(f.sink.total('retried')).toBeGreaterThanOrEqual(1)
  })
})
