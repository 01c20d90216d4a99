// Where counters go besides the store: the process's Prometheus registry (GET /metrics).
import type { CountDelta } from '../store/types'

export interface MetricsSink {
  /** Adds counter increments (the same deltas that go to the store). */
  count(deltas: CountDelta[]): void
  /** Time from receipt to delivery, in seconds, per subscription. */
  observeDeliveryLatency(instance: string, subscriptionId: string, seconds: number): void
}
