// From one call's results to what the store keeps: exactly one outcome per job, the counters
// (delivered, retried, failed by code, failed_validation, filtered_no_match, dead_lettered by code),
// the receipt→delivery latency, and one attempts-log record for the call.
import type { MetricsSink } from '../metrics/sink'
import type { AttemptRecord, ClaimedJob, JobError, JobOutcome } from '../store/types'
import { nextAttempt } from './backoff'
import type { RetryPolicy } from './backoff'
import { exchangeOf } from './capture'
import { redactText } from './redact'
import type { SendResult } from './send'
import type { SettleBuffer } from './settle-buffer'

export interface OutcomeContext {
  buffer: SettleBuffer
  metrics: MetricsSink
  policy: RetryPolicy
  random: () => number
  /** Whether a successful call gets an attempts-log record (failures always do). */
  sampleSuccess: (instance: string, subscriptionId: string, now: number) => boolean
}

type AttemptOutcome = AttemptRecord['outcome']
const SEVERITY: Record<AttemptOutcome, number> = { delivered: 0, retry: 1, failed: 2, dead: 3 }

/** A job that cannot be sent at all (its instance or subscription is gone): a dead letter at once. */
export function deadAtOnce(context: OutcomeContext, job: ClaimedJob, error: JobError, now: number): void {
  context.buffer.count(job.instance, job.subscriptionId, 'failed', error.code)
  context.buffer.count(job.instance, job.subscriptionId, 'dead_lettered', error.code)
  context.buffer.add([{ jobId: job.id, kind: 'dead', at: now, error }])
}

export function recordResults(
  context: OutcomeContext,
  secrets: readonly string[],
  instance: string,
  subscriptionId: string,
  jobs: ClaimedJob[],
  sent: SendResult,
  now: number
): void {
  const { buffer } = context
  const outcomes: JobOutcome[] = []
  // The common counters are tallied here and added once per call (a batch is hundreds of events).
  let delivered = 0
  let notMatched = 0
  let retried = 0
  let worst: AttemptOutcome = 'delivered'
  let firstError: JobError | undefined
  let nextRetryAt: number | undefined
  // Error messages often quote the destination's answer: secrets are hidden before anything is kept.
  const hidden = new Map<JobError, JobError>()
  const redacted = (error: JobError): JobError => {
    let out = hidden.get(error)
    if (!out) {
      out = { ...error, message: redactText(error.message, secrets) }
      hidden.set(error, out)
    }
    return out
  }
  const note = (outcome: AttemptOutcome, error?: JobError) => {
    if (SEVERITY[outcome] > SEVERITY[worst]) worst = outcome
    if (error && !firstError) firstError = error
  }

  for (let i = 0; i < jobs.length; i++) {
    const job = jobs[i]
    const result = sent.results[i]
    if (result.kind === 'delivered' || result.kind === 'not_matched') {
      outcomes.push({ jobId: job.id, kind: 'delivered', at: now })
      if (result.kind === 'not_matched') {
        notMatched++
      } else {
        delivered++
        context.metrics.observeDeliveryLatency(instance, subscriptionId, Math.max(0, now - job.receivedAt) / 1000)
      }
      continue
    }
    const error = redacted(result.error)
    if (result.kind === 'failed') {
      outcomes.push({ jobId: job.id, kind: 'dead', at: now, error })
      if (result.validation) buffer.count(instance, subscriptionId, 'failed_validation')
      else buffer.count(instance, subscriptionId, 'failed', error.code)
      buffer.count(instance, subscriptionId, 'dead_lettered', error.code)
      note('failed', error)
      continue
    }
    const decision = nextAttempt(
      job.attempts + 1,
      job.retryFrom ?? job.receivedAt,
      now,
      context.policy,
      sent.retryAfterMs,
      context.random
    )
    if (decision.kind === 'dead') {
      outcomes.push({ jobId: job.id, kind: 'dead', at: now, error })
      buffer.count(instance, subscriptionId, 'dead_lettered', error.code)
      note('dead', error)
    } else {
      outcomes.push({ jobId: job.id, kind: 'retry', dueAt: decision.dueAt, error })
      retried++
      if (nextRetryAt === undefined || decision.dueAt < nextRetryAt) nextRetryAt = decision.dueAt
      note('retry', error)
    }
  }

  buffer.count(instance, subscriptionId, 'delivered', '', delivered)
  buffer.count(instance, subscriptionId, 'filtered_no_match', '', notMatched)
  buffer.count(instance, subscriptionId, 'retried', '', retried)

  let attempt: AttemptRecord | undefined
  if (worst !== 'delivered' || context.sampleSuccess(instance, subscriptionId, now)) {
    const exchange = exchangeOf(sent.capture, sent.error, secrets)
    attempt = {
      instance,
      subscriptionId,
      at: now,
      messageIds: jobs.map((job) => job.messageId),
      outcome: worst,
      status: exchange.response?.status ?? firstError?.status,
      error: firstError,
      durationMs: sent.durationMs,
      ...exchange,
      nextRetryAt
    }
  }
  buffer.add(outcomes, attempt)
}

/** At most one successful call per subscription per `intervalMs` is logged (failures always are). */
export function successSampler(intervalMs: number): (instance: string, subscriptionId: string, now: number) => boolean {
  const last = new Map<string, number>()
  return (instance, subscriptionId, now) => {
    const key = `${instance}\u0000${subscriptionId}`
    const previous = last.get(key)
    if (previous !== undefined && now - previous < intervalMs) return false
    last.set(key, now)
    return true
  }
}
