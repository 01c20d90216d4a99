// The worker with the real Webhook destination (one by one and batched) against a fake API.
import { getDestinationByIdOrKey } from '@action-destinations/destination-actions'
import type { DestinationDefinition } from '@action-destinations/core'
import type { EngineConfig, SubscriptionConfig } from '../../src/config/types'
import { registryOf } from './test-registry'
import { startWorkerFixture } from './worker-fixture'
import type { WorkerFixture } from './worker-fixture'

const webhook = getDestinationByIdOrKey('webhook') as DestinationDefinition<unknown>
const registry = registryOf({ webhook })

function webhookConfig(subscription: Partial<SubscriptionConfig>, maxConcurrency?: number) {
  return (apiUrl: string): EngineConfig => ({
    sources: [{ name: 'web', writeKey: 'wk' }],
    destinations: [
      {
        name: 'hook',
        destination: 'webhook',
        sources: ['web'],
        settings: { sharedSecret: 'very-secret-value' },
        maxConcurrency,
        subscriptions: [
          {
            id: 'hook.send',
            name: 'Send',
            enabled: true,
            subscribe: 'type = "track"',
            partnerAction: 'send',
            ...subscription,
            mapping: {
              url: `${apiUrl}/hook`,
              method: 'POST',
              data: { event: { '@path': '$.event' }, n: { '@path': '$.properties.n' } },
              ...subscription.mapping
            }
          }
        ]
      }
    ]
  })
}

const tracks = (count: number, extra: Record<string, unknown> = {}) =>
  Array.from({ length: count }, (_, n) => ({ type: 'track', event: 'Order', properties: { n, ...extra } }))

let fixture: WorkerFixture | undefined
afterEach(async () => {
  await fixture?.close()
  fixture = undefined
})

async function allDelivered(f: WorkerFixture, ids: string[]): Promise<boolean> {
  for (const id of ids) {
    const jobs = await f.jobsOf(id)
    if (jobs.length === 0 || jobs.some((job) => job.state !== 'delivered')) return false
  }
  return true
}

describe('delivery worker with the Webhook destination', () => {
  it('delivers one by one, counts and observes latency, with a bounded number in flight', async () => {
    fixture = await startWorkerFixture(webhookConfig({}, 3), registry)
    const f = fixture
    f.api.script('/hook', () => ({ delayMs: 60 }))
    const ids = await f.ingest(tracks(12))
    f.worker.start()
    await f.until(() => allDelivered(f, ids))
    expect(f.api.requestsTo('/hook')).toHaveLength(12)
    expect(f.api.maxInFlight).toBe(3)
    expect(JSON.parse(f.api.requests[0].body)).toEqual({ event: 'Order', n: expect.any(Number) })
    await f.until(() => f.sink.total('delivered') === 12)
    expect(f.sink.latencies).toHaveLength(12)
  })

  it('sends batches by batch_size, then the rest after the linger time', async () => {
    fixture = await startWorkerFixture(webhookConfig({ mapping: { enable_batching: true, batch_size: 3 } }), registry)
    const f = fixture
    const ids = await f.ingest(tracks(7))
    f.worker.start()
    await f.until(() => allDelivered(f, ids))
    const sizes = f.api.requestsTo('/hook').map((request) => (JSON.parse(request.body) as unknown[]).length)
    expect(sizes).toEqual([3, 3, 1])
    expect(f.sink.total('delivered')).toBe(7)
  })

  it('keeps batches apart by batch_keys values and splits them by batch_bytes', async () => {
    fixture = await startWorkerFixture(
      webhookConfig({
        mapping: { enable_batching: true, batch_size: 100, batch_bytes: 3000, url: { '@path': '$.properties.url' } }
      }),
      registry
    )
    const f = fixture
    const ids = [
      // About 1,100 bytes each: 3,000 bytes hold two.
      ...(await f.ingest(tracks(4, { url: `${f.api.url}/a`, pad: 'x'.repeat(1000) }))),
      ...(await f.ingest(tracks(2, { url: `${f.api.url}/b` })))
    ]
    f.worker.start()
    await f.until(() => allDelivered(f, ids))
    expect(f.api.requestsTo('/b').map((r) => (JSON.parse(r.body) as unknown[]).length)).toEqual([2])
    expect(f.api.requestsTo('/a').map((r) => (JSON.parse(r.body) as unknown[]).length)).toEqual([2, 2])
  })

  it('retries a 500 and then delivers, logging the failed attempt with secrets hidden', async () => {
    fixture = await startWorkerFixture(
      webhookConfig({ mapping: { headers: { Authorization: 'Bearer abc', 'X-Token-Echo': 'very-secret-value' } } }),
      registry
    )
    const f = fixture
    f.api.script('/hook', [{ status: 500, body: 'down for very-secret-value' }, { status: 200 }])
    const [id] = await f.ingest(tracks(1))
    f.worker.start()
    await f.until(() => allDelivered(f, [id]))
    await f.until(() => f.sink.total('delivered') === 1)
    expect(f.sink.total('retried')).toBe(1)
    expect(f.api.requestsTo('/hook')).toHaveLength(2)
    const attempts = await f.temp.store.recentAttempts({ limit: 10 })
    const failed = attempts.find((attempt) => attempt.outcome === 'retry')
    expect(failed).toMatchObject({ status: 500, error: { code: 'RETRYABLE_ERROR', status: 500 }, messageIds: [id] })
    // Full jitter may draw a zero wait.
    expect(failed?.nextRetryAt).toBeGreaterThanOrEqual(failed?.at ?? Infinity)
    const text = JSON.stringify(attempts)
    expect(text).not.toContain('very-secret-value')
    expect(text).not.toContain('Bearer abc')
    expect(failed?.request?.headers['x-signature']).toBe('********')
    expect(failed?.response?.body).toBe('down for ********')
  })

  it('honours 429 Retry-After: the instance pauses and the job is retried after it', async () => {
    fixture = await startWorkerFixture(webhookConfig({}, 4), registry)
    const f = fixture
    f.api.script('/hook', [{ status: 429, headers: { 'Retry-After': '1' } }, {}])
    const [first] = await f.ingest(tracks(1))
    f.worker.start()
    await f.until(async () => (await f.jobsOf(first))[0]?.attempts === 1)
    const ids = await f.ingest(tracks(3))
    await f.until(() => allDelivered(f, [first, ...ids]))
    const times = f.api.requestsTo('/hook').map((request) => request.at)
    expect(times).toHaveLength(5)
    // Nothing reached the API during the pause the 429 asked for.
    for (const at of times.slice(1)) expect(at - times[0]).toBeGreaterThanOrEqual(950)
    expect(f.sink.total('retried')).toBe(1)
  })

  it('after a 429 the instance sends with half its concurrency', async () => {
    fixture = await startWorkerFixture(webhookConfig({}, 4), registry)
    const f = fixture
    f.api.script('/hook', (_, index) =>
      index === 0 ? { status: 429, headers: { 'Retry-After': '1' } } : { delayMs: 300 }
    )
    const [first] = await f.ingest(tracks(1))
    f.worker.start()
    await f.until(async () => (await f.jobsOf(first))[0]?.attempts === 1)
    const ids = await f.ingest(tracks(8))
    await f.until(() => allDelivered(f, [first, ...ids]))
    const after = f.api.requestsTo('/hook').slice(1)
    // Each answer takes 300 ms: what arrives within 250 ms of the first is one wave, at most the limit.
    expect(after.filter((request) => request.at - after[0].at < 250).length).toBeLessThanOrEqual(2)
    expect(f.api.maxInFlight).toBeLessThanOrEqual(2)
  })

  it('fails a 404 at once into the dead letters with its code', async () => {
    fixture = await startWorkerFixture(webhookConfig({}), registry)
    const f = fixture
    f.api.script('/hook', [{ status: 404 }])
    const [id] = await f.ingest(tracks(1))
    f.worker.start()
    await f.until(async () => (await f.jobsOf(id))[0]?.state === 'dead')
    const [dead] = await f.temp.store.listDeadLetters({ limit: 10 })
    expect(dead).toMatchObject({ messageId: id, attempts: 1, error: { code: 'NOT_FOUND', status: 404 } })
    await f.until(() => f.sink.total('dead_lettered', 'NOT_FOUND') === 1)
    expect(f.sink.total('failed', 'NOT_FOUND')).toBe(1)
    expect(f.api.requestsTo('/hook')).toHaveLength(1)
  })

  it('counts payload validation failures and dead-letters them without a request', async () => {
    fixture = await startWorkerFixture(webhookConfig({ mapping: { url: 'not a url' } }), registry)
    const f = fixture
    const [id] = await f.ingest(tracks(1))
    f.worker.start()
    await f.until(async () => (await f.jobsOf(id))[0]?.state === 'dead')
    await f.until(() => f.sink.total('failed_validation') === 1)
    expect(f.sink.total('dead_lettered', 'PAYLOAD_VALIDATION_FAILED')).toBe(1)
    expect(f.api.requests).toHaveLength(0)
  })

  it('dead-letters a retryable failure once the retry window is over', async () => {
    fixture = await startWorkerFixture(webhookConfig({}), registry, {
      retry: { windowMs: 60_000, baseMs: 20, capMs: 50 }
    })
    const f = fixture
    f.api.script('/hook', [{ status: 503 }])
    const [id] = await f.ingest(tracks(1), Date.now() - 59_990)
    f.worker.start()
    await f.until(async () => (await f.jobsOf(id))[0]?.state === 'dead')
    const [dead] = await f.temp.store.listDeadLetters({ limit: 1 })
    expect(dead.error).toMatchObject({ status: 503, code: 'RETRYABLE_ERROR' })
    expect(f.api.requestsTo('/hook').length).toBeGreaterThanOrEqual(1)
  })

  it('does not send a job whose lease could end during the call: it goes back and is sent once later', async () => {
    fixture = await startWorkerFixture(webhookConfig({}, 1), registry, { requestTimeoutMs: 1000, leaseMs: 1500 })
    const f = fixture
    f.api.script('/hook', () => ({ delayMs: 100 }))
    const ids = await f.ingest(tracks(12))
    const release = jest.spyOn(f.temp.store, 'release')
    f.worker.start()
    await f.until(() => allDelivered(f, ids))
    expect(release).toHaveBeenCalled()
    const sent = f.api.requestsTo('/hook').map((request) => (JSON.parse(request.body) as { n: number }).n)
    expect(sent.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
    // Released jobs went back unsent: one attempt each.
    const attempts = await Promise.all(ids.map(async (id) => (await f.jobsOf(id))[0].attempts))
    expect(attempts.every((count) => count === 1)).toBe(true)
  })

  it('follows configuration changes: new settings rebuild the destination, a disabled subscription dead-letters', async () => {
    fixture = await startWorkerFixture(webhookConfig({}), registry)
    const f = fixture
    const [first] = await f.ingest(tracks(1))
    f.worker.start()
    await f.until(() => allDelivered(f, [first]))
    const changed = structuredClone(f.config)
    changed.destinations[0].settings = { sharedSecret: 'another-secret' }
    f.setConfig(changed)
    const [second] = await f.ingest(tracks(1))
    await f.until(() => allDelivered(f, [second]))
    const [before, after] = f.api.requestsTo('/hook').map((request) => request.headers['x-signature'])
    expect(before).toEqual(expect.any(String))
    expect(after).toEqual(expect.any(String))
    expect(after).not.toBe(before)

    const disabled = structuredClone(changed)
    disabled.destinations[0].subscriptions[0].enabled = false
    f.setConfig(disabled)
    // Routed while enabled (this fixture routes with the first configuration), delivered after the change.
    const [third] = await f.ingest(tracks(1))
    await f.until(async () => (await f.jobsOf(third))[0]?.state === 'dead')
    const [dead] = await f.temp.store.listDeadLetters({ limit: 1 })
    expect(dead.error.code).toBe('SUBSCRIPTION_DISABLED')
    expect(f.api.requestsTo('/hook')).toHaveLength(2)
  })

  it('stop() sends partial batches at once', async () => {
    fixture = await startWorkerFixture(
      webhookConfig({ mapping: { enable_batching: true, batch_size: 50 } }),
      registry,
      {
        lingerMs: 60_000
      }
    )
    const f = fixture
    const ids = await f.ingest(tracks(2))
    f.worker.start()
    // Claimed: the store moves a claimed job's due time to its lease end.
    await f.until(async () => {
      const jobs = await Promise.all(ids.map(async (id) => (await f.jobsOf(id))[0]))
      return jobs.every((job) => (job?.dueAt ?? 0) > Date.now() + 10_000)
    })
    expect(f.api.requests).toHaveLength(0)
    await f.worker.stop(2000)
    expect(f.api.requestsTo('/hook').map((r) => (JSON.parse(r.body) as unknown[]).length)).toEqual([2])
    expect(await allDelivered(f, ids)).toBe(true)
  })
})
