// When to try again: exponential backoff with full jitter, never sooner than the destination's
// Retry-After, and never past the retry window (then the job goes to the dead letters).

export interface RetryPolicy {
  /** First retry waits up to this long (default 1 s). */
  baseMs: number
  /** No wait is longer than this (default 10 min), Retry-After aside. */
  capMs: number
  /** From receipt (or replay): after this long a retryable failure becomes a dead letter (default 4 h). */
  windowMs: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseMs: 1000,
  capMs: 10 * 60 * 1000,
  windowMs: 4 * 60 * 60 * 1000
}

/**
 * Full jitter: a uniformly random wait in [0, min(cap, base · 2^(attempt-1))], so that many jobs
 * failing together do not retry together. `attempt` counts from 1 (the attempt that just failed).
 */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 40)
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** exponent)
  return Math.floor(random() * ceiling)
}

/** Longest Retry-After honoured (a day): beyond it the retry window decides anyway. */
const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000

/**
 * A Retry-After header value in milliseconds from `now`: delta-seconds ("120") or an HTTP date.
 * Undefined when absent or unreadable; a date in the past gives 0.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined
  const text = value.trim()
  if (text === '') return undefined
  if (/^\d+(\.\d+)?$/.test(text)) return Math.min(Math.round(Number(text) * 1000), MAX_RETRY_AFTER_MS)
  // An HTTP date has a weekday and month name; Date.parse alone would read "-5" as a year.
  if (!/[a-z]/i.test(text)) return undefined
  const at = Date.parse(text)
  if (Number.isNaN(at)) return undefined
  return Math.min(Math.max(at - now, 0), MAX_RETRY_AFTER_MS)
}

export type RetryDecision = { kind: 'retry'; dueAt: number } | { kind: 'dead' }

/** The next due time for a retryable failure, or dead when it would fall outside the retry window. */
export function nextAttempt(
  attempt: number,
  retryFrom: number,
  now: number,
  policy: RetryPolicy,
  retryAfterMs: number | undefined,
  random: () => number = Math.random
): RetryDecision {
  const wait = Math.max(backoffMs(attempt, policy, random), retryAfterMs ?? 0)
  const dueAt = now + wait
  if (dueAt - retryFrom > policy.windowMs) return { kind: 'dead' }
  return { kind: 'retry', dueAt }
}
