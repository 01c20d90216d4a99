// The worker over the PostgreSQL store: batches, a retry and a dead letter, as on SQLite.
import { getDestinationByIdOrKey } from '@action-destinations/destination-actions'
import type { DestinationDefinition } from '@action-destinations/core'
import type { EngineConfig } from '../../src/config/types'
import { registryOf } from './test-registry'
import { startWorkerFixture } from './worker-fixture'
import type { WorkerFixture } from './worker-fixture'

const webhook = getDestinationByIdOrKey('webhook') as DestinationDefinition<unknown>
const registry = registryOf({ webhook })

const config = (): EngineConfig => ({
  sources: [{ name: 'web', writeKey: 'wk' }],
  destinations: [
    {
      name: 'hook',
      destination: 'webhook',
      sources: ['web'],
      settings: {},
      subscriptions: [
        {
          id: 'hook.batch',
          name: 'Batch',
          enabled: true,
          subscribe: 'type = "track"',
          partnerAction: 'send',
          mapping: { url: { '@path': '$.properties.url' }, method: 'POST', enable_batching: true, batch_size: 4 }
        }
      ]
    }
  ]
})

let fixture: WorkerFixture | undefined
afterEach(async () => {
  await fixture?.close()
  fixture = undefined
})

it('delivers batches, retries a 503 and dead-letters a 404 on PostgreSQL', async () => {
  fixture = await startWorkerFixture(config, registry, {}, 'postgres')
  const f = fixture
  f.api.script('/flaky', [{ status: 503 }, {}])
  f.api.script('/missing', [{ status: 404 }])
  const track = (path: string, n: number) => ({
    type: 'track',
    event: 'E',
    properties: { url: `${f.api.url}${path}`, n }
  })
  const ok = await f.ingest([0, 1, 2, 3, 4, 5].map((n) => track('/ok', n)))
  const flaky = await f.ingest([0, 1].map((n) => track('/flaky', n)))
  const missing = await f.ingest([track('/missing', 0)])
  f.worker.start()
  const stateOf = async (id: string) => (await f.jobsOf(id))[0]?.state
  await f.until(async () => {
    const states = await Promise.all([...ok, ...flaky, ...missing].map(stateOf))
    return (
      states.join() ===
      [...ok, ...flaky]
        .map(() => 'delivered')
        .concat('dead')
        .join()
    )
  })
  expect(f.api.requestsTo('/ok').map((r) => (JSON.parse(r.body) as unknown[]).length)).toEqual([4, 2])
  expect(f.api.requestsTo('/flaky')).toHaveLength(2)
  await f.until(() => f.sink.total('delivered') === 8)
  expect(f.sink.total('retried')).toBe(2)
  expect(f.sink.total('dead_lettered', 'NOT_FOUND')).toBe(1)
  const [dead] = await f.temp.store.listDeadLetters({ limit: 5 })
  expect(dead).toMatchObject({ messageId: missing[0], error: { code: 'NOT_FOUND', status: 404 } })
})
