// Builders for the contract suite: events, configurations and a controllable clock.
import type { EngineConfig } from '../../src/config/types'
import type { CountDelta, IngestItem, JobSpec } from '../../src/store/types'

export const T0 = Date.UTC(2026, 0, 1, 12, 0, 0)

export interface TestClock {
  now: () => number
  set(time: number): void
}

export function testClock(start = T0): TestClock {
  let time = start
  return { now: () => time, set: (next) => (time = next) }
}

export function job(overrides: Partial<JobSpec> = {}): JobSpec {
  return { instance: 'hook', subscriptionId: 'sub-a', action: 'send', groupKey: '', ...overrides }
}

export function event(
  messageId: string,
  options: { source?: string; receivedAt?: number; type?: string; name?: string; jobs?: JobSpec[] } = {}
): IngestItem {
  const type = options.type ?? 'track'
  const receivedAt = options.receivedAt ?? T0
  const item: IngestItem = {
    source: options.source ?? 'web',
    messageId,
    receivedAt,
    type,
    body: JSON.stringify({ type, messageId, event: options.name, receivedAt: new Date(receivedAt).toISOString() }),
    jobs: options.jobs ?? [job()]
  }
  if (options.name !== undefined) item.name = options.name
  return item
}

/** Counts one `received` per accepted item for its first job's subscription, as ingest would. */
export function receivedCounts(items: IngestItem[]): (accepted: boolean[]) => CountDelta[] {
  return (accepted) =>
    items.flatMap((item, index) =>
      accepted[index]
        ? item.jobs.map((spec) => ({
            instance: spec.instance,
            subscriptionId: spec.subscriptionId,
            metric: 'received' as const,
            count: 1
          }))
        : []
    )
}

export function sampleConfig(): EngineConfig {
  return {
    sources: [{ name: 'web', writeKey: 'wk-web' }],
    destinations: [
      {
        name: 'hook',
        destination: 'webhook',
        sources: ['web'],
        settings: { url: 'https://example.test/a', token: 'old' },
        subscriptions: [
          { id: 'sub-a', name: 'All', enabled: true, subscribe: 'type = "track"', partnerAction: 'send', mapping: {} }
        ]
      }
    ]
  }
}
