// The engine's Prometheus metrics: one registry per engine (several engines in one process stay
// apart), a counter per metric labelled by instance, subscription and code, the receipt -> delivery
// histogram, and queue gauges read from the store when scraped.
import { Counter, Gauge, Histogram, Registry } from 'prom-client'
import type { Store } from '../store/store'
import type { CountDelta, CountMetric } from '../store/types'
import type { MetricsSink } from './sink'

const COUNTER_HELP: Record<CountMetric, string> = {
  received:
    'Events that reached an enabled subscription of an enabled instance, matched or not (disabled ones count only filtered_disabled)',
  filtered_no_match: 'Received events whose subscription conditions did not match',
  filtered_disabled: 'Events not delivered because the subscription or the instance is disabled',
  failed_validation: 'Events whose mapped payload failed the action schema',
  delivered: 'Events delivered',
  retried: 'Delivery attempts that will be retried',
  failed: 'Events that failed permanently, by error code',
  dead_lettered: 'Events moved to the dead letters, by error code'
}

const LATENCY_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600, 14400]

export interface PrometheusSink extends MetricsSink {
  readonly registry: Registry
  /** The text for GET /metrics. */
  metrics(): Promise<string>
  contentType(): string
}

export function createPrometheusSink(store?: Store): PrometheusSink {
  const registry = new Registry()
  const counters = new Map<CountMetric, Counter<'instance' | 'subscription' | 'code'>>()
  for (const metric of Object.keys(COUNTER_HELP) as CountMetric[]) {
    counters.set(
      metric,
      new Counter({
        name: `delivery_${metric}_total`,
        help: COUNTER_HELP[metric],
        labelNames: ['instance', 'subscription', 'code'],
        registers: [registry]
      })
    )
  }
  const latency = new Histogram({
    name: 'delivery_receipt_to_delivery_seconds',
    help: 'Time from ingest receipt to delivery',
    labelNames: ['instance', 'subscription'],
    buckets: LATENCY_BUCKETS,
    registers: [registry]
  })
  if (store) {
    // Metrics are collected in registration order: the first gauge reads the store for both.
    const dead = new Gauge({
      name: 'delivery_jobs_dead',
      help: 'Jobs in the dead letters',
      labelNames: ['instance', 'subscription'],
      registers: []
    })
    const pending = new Gauge({
      name: 'delivery_jobs_pending',
      help: 'Jobs waiting for delivery or a retry',
      labelNames: ['instance', 'subscription'],
      registers: [registry],
      async collect() {
        const depths = await store.queueDepths()
        pending.reset()
        dead.reset()
        for (const depth of depths) {
          const labels = { instance: depth.instance, subscription: depth.subscriptionId }
          pending.set(labels, depth.pending)
          dead.set(labels, depth.dead)
        }
      }
    })
    registry.registerMetric(dead)
  }

  return {
    registry,
    count(deltas: CountDelta[]) {
      for (const delta of deltas) {
        counters
          .get(delta.metric)
          ?.inc({ instance: delta.instance, subscription: delta.subscriptionId, code: delta.code ?? '' }, delta.count)
      }
    },
    observeDeliveryLatency(instance: string, subscriptionId: string, seconds: number) {
      latency.observe({ instance, subscription: subscriptionId }, seconds)
    },
    metrics: () => registry.metrics(),
    contentType: () => registry.contentType
  }
}
