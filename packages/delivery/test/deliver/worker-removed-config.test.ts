// Jobs routed before their instance or subscription was removed from the configuration end as dead
// letters naming what is missing, also while another instance is disabled (claims then name their
// instances, and a removed one is named too).
import { getDestinationByIdOrKey } from '@action-destinations/destination-actions'
import type { DestinationDefinition } from '@action-destinations/core'
import type { DestinationInstanceConfig, EngineConfig } from '../../src/config/types'
import type { JobState } from '../../src/store/types'
import { registryOf } from './test-registry'
import { startWorkerFixture } from './worker-fixture'
import type { WorkerFixture } from './worker-fixture'

const webhook = getDestinationByIdOrKey('webhook') as DestinationDefinition<unknown>
const registry = registryOf({ webhook })

function instance(name: string, apiUrl: string, enabled: boolean): DestinationInstanceConfig {
  return {
    name,
    destination: 'webhook',
    sources: ['web'],
    enabled,
    settings: {},
    subscriptions: [
      {
        id: `${name}.send`,
        name: 'Send',
        enabled: true,
        subscribe: 'type = "track"',
        partnerAction: 'send',
        mapping: { url: `${apiUrl}/${name}`, method: 'POST', data: { event: { '@path': '$.event' } } }
      }
    ]
  }
}

// "hook" receives; "paused" is disabled the whole time, so the worker claims by instance name.
const twoInstances = (apiUrl: string): EngineConfig => ({
  sources: [{ name: 'web', writeKey: 'wk' }],
  destinations: [instance('hook', apiUrl, true), instance('paused', apiUrl, false)]
})

let fixture: WorkerFixture | undefined
afterEach(async () => {
  await fixture?.close()
  fixture = undefined
})

/** Routes one track with the first configuration, applies `change`, and waits for the "hook" job to end. */
async function hookJobAfter(change: (config: EngineConfig) => void): Promise<JobState | undefined> {
  fixture = await startWorkerFixture(twoInstances, registry)
  const f = fixture
  const changed = structuredClone(f.config)
  change(changed)
  f.setConfig(changed)
  const [id] = await f.ingest([{ type: 'track', event: 'Order' }])
  f.worker.start()
  const hookJob = async () => (await f.jobsOf(id)).find((job) => job.instance === 'hook')
  await f.until(async () => (await hookJob())?.state === 'dead')
  return hookJob()
}

describe('delivery worker after a removal from the configuration', () => {
  it('dead-letters the queued jobs of a removed instance while another instance is disabled', async () => {
    const hookJob = await hookJobAfter((config) => {
      config.destinations = config.destinations.filter((entry) => entry.name !== 'hook')
    })
    expect(hookJob?.lastError).toEqual({
      code: 'INSTANCE_NOT_FOUND',
      message: 'Instance "hook" is not in the configuration (removed after the event was routed)'
    })
    expect(fixture?.api.requests).toHaveLength(0)
    expect(fixture?.sink.total('dead_lettered', 'INSTANCE_NOT_FOUND')).toBe(1)
  })

  it('dead-letters the queued jobs of a removed subscription, naming it and its instance', async () => {
    const hookJob = await hookJobAfter((config) => {
      config.destinations[0].subscriptions = []
    })
    expect(hookJob?.lastError).toEqual({
      code: 'SUBSCRIPTION_NOT_FOUND',
      message: 'Subscription "hook.send" is not in instance "hook" (removed after the event was routed)'
    })
    expect(fixture?.api.requests).toHaveLength(0)
  })
})
