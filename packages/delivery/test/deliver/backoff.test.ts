import { backoffMs, nextAttempt, parseRetryAfter } from '../../src/deliver/backoff'
import { InstanceLimiter } from '../../src/deliver/instance-limiter'

const policy = { baseMs: 1000, capMs: 60_000, windowMs: 3_600_000 }

describe('backoffMs (full jitter)', () => {
  it('grows exponentially up to the cap, scaled by the random draw', () => {
    const top = () => 0.999999
    expect(backoffMs(1, policy, top)).toBe(999)
    expect(backoffMs(2, policy, top)).toBe(1999)
    expect(backoffMs(4, policy, top)).toBe(7999)
    expect(backoffMs(30, policy, top)).toBe(59_999)
    expect(backoffMs(3, policy, () => 0)).toBe(0)
    expect(backoffMs(3, policy, () => 0.5)).toBe(2000)
  })

  it('stays in [0, ceiling] with the real random source', () => {
    for (let i = 0; i < 200; i++) {
      const wait = backoffMs(5, policy)
      expect(wait).toBeGreaterThanOrEqual(0)
      expect(wait).toBeLessThanOrEqual(16_000)
    }
  })
})

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z')
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000)
    expect(parseRetryAfter(' 2 ', now)).toBe(2000)
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000)
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0)
  })
  it('ignores what it cannot read and bounds huge values', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined()
    expect(parseRetryAfter(null, now)).toBeUndefined()
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter('-5', now)).toBeUndefined()
    expect(parseRetryAfter('99999999', now)).toBe(24 * 60 * 60 * 1000)
  })
})

describe('nextAttempt', () => {
  it('waits at least Retry-After', () => {
    expect(nextAttempt(1, 0, 10_000, policy, 30_000, () => 0.5)).toEqual({ kind: 'retry', dueAt: 40_000 })
    expect(nextAttempt(1, 0, 10_000, policy, undefined, () => 0.5)).toEqual({ kind: 'retry', dueAt: 10_500 })
  })
  it('gives up once the next try would fall outside the retry window', () => {
    expect(nextAttempt(3, 0, 3_599_000, policy, undefined, () => 0.9)).toEqual({ kind: 'dead' })
    expect(nextAttempt(3, 1_000_000, 3_599_000, policy, undefined, () => 0.9).kind).toBe('retry')
  })
})

describe('InstanceLimiter', () => {
  it('pauses on 429, halves the limit and recovers by one per interval', () => {
    const limiter = new InstanceLimiter(8, 1000)
    expect(limiter.canStart(0)).toBe(true)
    limiter.rateLimited(0, 5000)
    expect(limiter.limit).toBe(4)
    expect(limiter.isPaused(4999)).toBe(true)
    expect(limiter.canStart(5000)).toBe(true)
    // Recovery starts once the pause is over.
    limiter.succeeded(5500)
    expect(limiter.limit).toBe(4)
    limiter.succeeded(6000)
    limiter.succeeded(6500)
    limiter.succeeded(7000)
    expect(limiter.limit).toBe(6)
    limiter.rateLimited(7000, undefined)
    expect(limiter.limit).toBe(3)
    expect(limiter.pausedUntil).toBe(8000)
    limiter.inFlight = 3
    expect(limiter.canStart(8000)).toBe(false)
  })
})
