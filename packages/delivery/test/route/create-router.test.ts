import type { DestinationDefinition } from '@action-destinations/core'
import type { DestinationInstanceConfig, EngineConfig } from '../../src/config/types'
import { createRouter } from '../../src/route/create-router'
import { registryOf } from '../deliver/test-registry'

const definition: DestinationDefinition<Record<string, never>> = {
  name: 'Router Test',
  mode: 'cloud',
  actions: {
    single: {
      title: 'Single',
      description: 'one by one',
      fields: { name: { label: 'Name', description: 'n', type: 'string' } },
      perform: () => undefined
    },
    batched: {
      title: 'Batched',
      description: 'batches keyed by url',
      fields: {
        url: { label: 'URL', description: 'u', type: 'string' },
        enable_batching: { label: 'Batch', description: 'b', type: 'boolean', default: false },
        batch_keys: { label: 'Keys', description: 'k', type: 'string', multiple: true, default: ['url'] }
      },
      perform: () => undefined,
      performBatch: () => undefined
    }
  }
}

function instance(name: string, overrides: Partial<DestinationInstanceConfig> = {}): DestinationInstanceConfig {
  return {
    name,
    destination: 'test',
    sources: ['web'],
    settings: {},
    subscriptions: [
      {
        id: `${name}.tracks`,
        name: 'Tracks',
        enabled: true,
        subscribe: 'type = "track"',
        partnerAction: 'single',
        mapping: {}
      },
      {
        id: `${name}.batch`,
        name: 'Batch',
        enabled: true,
        subscribe: 'type = "track" or type = "identify"',
        partnerAction: 'batched',
        mapping: { url: { '@path': '$.properties.url' }, enable_batching: true }
      }
    ],
    ...overrides
  }
}

const registry = registryOf({ test: definition })

describe('createRouter', () => {
  it('makes a job per matching enabled subscription and counts received / no match', () => {
    const config: EngineConfig = { sources: [], destinations: [instance('a')] }
    const router = createRouter(config, registry)
    const decision = router.route('web', { type: 'identify', userId: 'u1' })
    expect(decision.jobs).toEqual([{ instance: 'a', subscriptionId: 'a.batch', action: 'batched', groupKey: '{}' }])
    expect(decision.counts).toEqual([
      { instance: 'a', subscriptionId: 'a.tracks', metric: 'received', count: 1 },
      { instance: 'a', subscriptionId: 'a.tracks', metric: 'filtered_no_match', count: 1 },
      { instance: 'a', subscriptionId: 'a.batch', metric: 'received', count: 1 }
    ])
  })

  it('groups batching jobs by the resolved batch_keys values, and one-by-one jobs get no group', () => {
    const router = createRouter({ sources: [], destinations: [instance('a')] }, registry)
    const one = router.route('web', { type: 'track', event: 'x', properties: { url: 'https://one' } })
    const two = router.route('web', { type: 'track', event: 'x', properties: { url: 'https://two' } })
    expect(one.jobs.map((job) => job.groupKey)).toEqual(['', '{"url":"https://one"}'])
    expect(two.jobs[1].groupKey).toBe('{"url":"https://two"}')
  })

  it('without enable_batching the group key is empty', () => {
    const config = instance('a')
    config.subscriptions[1].mapping = { url: 'https://fixed' }
    const router = createRouter({ sources: [], destinations: [config] }, registry)
    expect(router.route('web', { type: 'identify' }).jobs[0].groupKey).toBe('')
  })

  it('counts disabled instances and subscriptions as filtered_disabled and makes no job', () => {
    const off = instance('off', { enabled: false })
    const partly = instance('partly')
    partly.subscriptions[0].enabled = false
    const router = createRouter({ sources: [], destinations: [off, partly] }, registry)
    const decision = router.route('web', { type: 'track', event: 'x' })
    expect(decision.jobs.map((job) => job.subscriptionId)).toEqual(['partly.batch'])
    const metrics = decision.counts.map((c) => `${c.subscriptionId}:${c.metric}`)
    expect(metrics).toEqual([
      'off.tracks:filtered_disabled',
      'off.batch:filtered_disabled',
      'partly.tracks:filtered_disabled',
      'partly.batch:received'
    ])
  })

  it('routes only to instances listening to the source', () => {
    const router = createRouter(
      { sources: [], destinations: [instance('web'), instance('app', { sources: ['app'] })] },
      registry
    )
    expect(router.route('app', { type: 'track' }).jobs.every((job) => job.instance === 'app')).toBe(true)
    expect(router.route('nobody', { type: 'track' })).toEqual({ jobs: [], counts: [] })
  })

  it('treats FQL that does not parse as matching nothing', () => {
    const config = instance('a')
    config.subscriptions[0].subscribe = 'type = '
    const router = createRouter({ sources: [], destinations: [config] }, registry)
    const decision = router.route('web', { type: 'track' })
    expect(decision.jobs.map((job) => job.subscriptionId)).toEqual(['a.batch'])
  })

  it('routes many events quickly (compiled once)', () => {
    const router = createRouter({ sources: [], destinations: [instance('a'), instance('b')] }, registry)
    const event = { type: 'track', event: 'Order', properties: { url: 'https://x' } }
    let jobs = 0
    for (let i = 0; i < 20_000; i++) jobs += router.route('web', event).jobs.length
    expect(jobs).toBe(80_000)
  })
})
