// Requests in flight per instance: at most `maxConcurrency`; a 429 pauses the instance until its
// Retry-After and halves the limit, which then grows back by one per `recoveryMs` of successes.

/** Pause after a 429 without Retry-After. */
export const DEFAULT_RATE_LIMIT_PAUSE_MS = 1000
/** One more request in flight per this long without a 429. */
export const DEFAULT_RECOVERY_MS = 1000

export class InstanceLimiter {
  inFlight = 0
  /** Current limit: `max` unless a 429 lowered it. */
  limit: number
  /** No request starts before this time. */
  pausedUntil = 0
  private lastChange = 0

  constructor(
    private max: number,
    private readonly recoveryMs = DEFAULT_RECOVERY_MS
  ) {
    this.limit = max
  }

  /** A configuration change may change the maximum. */
  setMax(max: number): void {
    if (max === this.max) return
    this.max = max
    this.limit = Math.min(this.limit, max)
    if (this.limit < 1) this.limit = 1
  }

  get maximum(): number {
    return this.max
  }

  isPaused(now: number): boolean {
    return now < this.pausedUntil
  }

  canStart(now: number): boolean {
    return !this.isPaused(now) && this.inFlight < this.limit
  }

  /** A 429: pause until `retryAfterMs` from now (or a second) and halve the limit. */
  rateLimited(now: number, retryAfterMs: number | undefined): void {
    this.pausedUntil = Math.max(this.pausedUntil, now + (retryAfterMs ?? DEFAULT_RATE_LIMIT_PAUSE_MS))
    this.limit = Math.max(1, Math.floor(this.limit / 2))
    // Recovery counts from the end of the pause, so the lower limit is actually used for a while.
    this.lastChange = this.pausedUntil
  }

  /** A request that was not rate limited: the limit recovers gradually. */
  succeeded(now: number): void {
    if (this.limit < this.max && now - this.lastChange >= this.recoveryMs) {
      this.limit++
      this.lastChange = now
    }
  }
}
