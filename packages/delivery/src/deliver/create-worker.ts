// The delivery loop: claims due jobs, holds them in a WorkQueue (groups for batching actions),
// sends them with bounded concurrency per instance, and settles one outcome per job per attempt.
// See the package README, "Delivery", for the flow and the guarantees.
import type { Logger } from 'pino'
import type { DestinationRegistry } from '../config/registry'
import type { EngineConfig } from '../config/types'
import type { MetricsSink } from '../metrics/sink'
import type { Store } from '../store/store'
import { DEFAULT_RETRY_POLICY } from './backoff'
import type { RetryPolicy } from './backoff'
import { DeliveryLoop } from './delivery-loop'
import type { DeliveryWorker } from './types'

export interface DeliveryWorkerOptions {
  store: Store
  registry: DestinationRegistry
  metrics: MetricsSink
  logger: Logger
  /** The configuration in force (the engine keeps it current); read on every loop turn. */
  currentConfig: () => EngineConfig
  /** Names this worker in leases (process id + random). */
  workerId: string
  /** Most jobs held in memory at once (claimed, grouped, in flight, until settled). Default 4000. */
  claimSize?: number
  /** No claim while the held jobs' event bodies add up to this many bytes (characters). Default 64 MB. */
  maxHeldBytes?: number
  /** A batch waits at most this long for more events. Default 1000 ms. */
  lingerMs?: number
  /** One onEvent / onBatch call may take this long before it counts as a retryable 408. Default 30 s. */
  requestTimeoutMs?: number
  /** How long claimed jobs stay ours. Default: linger + request timeout + 60 s (it must outlast both). */
  leaseMs?: number
  /** Wait between claims when nothing is due. Default 100 ms. */
  pollMs?: number
  retry?: Partial<RetryPolicy>
  /** Successful calls logged in the attempts log: at most one per subscription per this long. Default 1000 ms. */
  successSampleMs?: number
  /** Clock and randomness, replaceable in tests. */
  now?: () => number
  random?: () => number
}

export interface ResolvedWorkerOptions extends Required<Omit<DeliveryWorkerOptions, 'retry'>> {
  retry: RetryPolicy
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new Error(`createDeliveryWorker: option "${name}" must be a positive number, got ${String(value)}`)
  }
  return value
}

export function resolveWorkerOptions(options: DeliveryWorkerOptions): ResolvedWorkerOptions {
  const lingerMs = positive(options.lingerMs, 1000, 'lingerMs')
  const requestTimeoutMs = positive(options.requestTimeoutMs, 30_000, 'requestTimeoutMs')
  const leaseMs = positive(options.leaseMs, lingerMs + requestTimeoutMs + 60_000, 'leaseMs')
  if (leaseMs <= lingerMs + requestTimeoutMs) {
    throw new Error(
      `createDeliveryWorker: leaseMs (${leaseMs}) must be longer than lingerMs + requestTimeoutMs (${lingerMs + requestTimeoutMs})`
    )
  }
  const retry: RetryPolicy = {
    baseMs: positive(options.retry?.baseMs, DEFAULT_RETRY_POLICY.baseMs, 'retry.baseMs'),
    capMs: positive(options.retry?.capMs, DEFAULT_RETRY_POLICY.capMs, 'retry.capMs'),
    windowMs: positive(options.retry?.windowMs, DEFAULT_RETRY_POLICY.windowMs, 'retry.windowMs')
  }
  return {
    ...options,
    claimSize: Math.floor(positive(options.claimSize, 4000, 'claimSize')),
    maxHeldBytes: positive(options.maxHeldBytes, 64 * 1024 * 1024, 'maxHeldBytes'),
    lingerMs,
    requestTimeoutMs,
    leaseMs,
    pollMs: positive(options.pollMs, 100, 'pollMs'),
    retry,
    successSampleMs: positive(options.successSampleMs, 1000, 'successSampleMs'),
    now: options.now ?? Date.now,
    random: options.random ?? Math.random
  }
}

export function createDeliveryWorker(options: DeliveryWorkerOptions): DeliveryWorker {
  return new DeliveryLoop(resolveWorkerOptions(options))
}
