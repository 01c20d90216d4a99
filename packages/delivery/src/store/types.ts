// The records the store keeps. Times are epoch milliseconds; event bodies are JSON text so that
// they are serialised once at ingest and parsed once per delivery.
import type { EngineConfig } from '../config/types'

/** An event as ingest hands it to the store: already validated, stamped and serialised. */
export interface IngestItem {
  source: string
  messageId: string
  /** When ingest received it. */
  receivedAt: number
  type: string
  /** `event` of a track, `name` of a page/screen, else undefined: for the debugger's filter. */
  name?: string
  /** The whole event (with messageId and receivedAt) as JSON. */
  body: string
  /** The delivery jobs routing made for it (one per matching enabled subscription). */
  jobs: JobSpec[]
}

/** A job to make when the event is stored (and is not a duplicate). */
export interface JobSpec {
  instance: string
  subscriptionId: string
  action: string
  /** Jobs with equal instance, action and group key may share a batch (the values of `batch_keys`). */
  groupKey: string
}

/** A counter increment, aggregated by the caller per (subscription, metric) before it reaches the store. */
export interface CountDelta {
  instance: string
  subscriptionId: string
  metric: CountMetric
  /** For `failed` (and `dead_lettered`): the error code, e.g. "BAD_REQUEST"; otherwise "". */
  code?: string
  count: number
}

export type CountMetric =
  | 'received'
  | 'filtered_no_match'
  | 'filtered_disabled'
  | 'failed_validation'
  | 'delivered'
  | 'retried'
  | 'failed'
  | 'dead_lettered'

/** A job claimed by a worker, with its event. */
export interface ClaimedJob extends JobSpec {
  id: string
  eventId: string
  messageId: string
  source: string
  receivedAt: number
  body: string
  /** Attempts made before this one. */
  attempts: number
  /** When its retry window started: the event's receipt, or its last replay from the dead letters. */
  retryFrom: number
  /** When its lease ends: after that another worker may claim it. */
  leaseUntil: number
}

export type JobOutcome =
  | { jobId: string; kind: 'delivered'; at: number }
  | { jobId: string; kind: 'retry'; dueAt: number; error: JobError }
  | { jobId: string; kind: 'dead'; at: number; error: JobError }

export interface JobError {
  /** HTTP status where there was one. */
  status?: number
  /** The framework's error code (e.g. "RETRYABLE_ERROR", "PAYLOAD_VALIDATION_FAILED"). */
  code: string
  message: string
}

/** One delivery attempt as the event log shows it (secrets already redacted by the caller). */
export interface AttemptRecord {
  instance: string
  subscriptionId: string
  at: number
  /** The events this request carried (several for a batch). */
  messageIds: string[]
  outcome: 'delivered' | 'retry' | 'failed' | 'dead'
  status?: number
  error?: JobError
  durationMs?: number
  request?: { method: string; url: string; headers: Record<string, string>; body?: string }
  response?: { status: number; headers: Record<string, string>; body?: string }
  nextRetryAt?: number
}

export interface StoredAttempt extends AttemptRecord {
  id: string
}

export interface DeadLetter {
  jobId: string
  instance: string
  subscriptionId: string
  action: string
  messageId: string
  source: string
  receivedAt: number
  deadAt: number
  attempts: number
  error: JobError
  body: string
}

export interface EventSummary {
  id: string
  source: string
  messageId: string
  receivedAt: number
  type: string
  name?: string
}

export interface JobState {
  jobId: string
  instance: string
  subscriptionId: string
  action: string
  state: 'pending' | 'delivered' | 'dead'
  attempts: number
  dueAt?: number
  lastError?: JobError
}

export interface StoredConfig {
  version: number
  config: EngineConfig
  /** Hash of the config file it was last seeded from (see the package README). */
  seedHash?: string
}

/** One counter bucket: `count` increments of `metric` in the minute starting at `minute`. */
export interface CountRow {
  minute: number
  instance: string
  subscriptionId: string
  metric: CountMetric
  code: string
  count: number
}

/** What the store holds right now, per subscription, for the overview and /metrics gauges. */
export interface QueueDepth {
  instance: string
  subscriptionId: string
  pending: number
  dead: number
}
