// Counter increments are summed per bucket key before they reach the database: one upsert per
// key, in a fixed order so that concurrent writers on PostgreSQL lock rows in the same order.
import type { CountDelta, CountMetric } from '../types'

export const MINUTE_MS = 60_000

/** The start of the minute holding `time` (epoch ms). */
export function minuteOf(time: number): number {
  return time - (time % MINUTE_MS)
}

export interface CountKeyed {
  instance: string
  subscriptionId: string
  metric: CountMetric
  code: string
  count: number
}

/** Sums deltas with the same (instance, subscription, metric, code); drops zero counts; sorted by key. */
export function aggregateCounts(deltas: readonly CountDelta[]): CountKeyed[] {
  const byKey = new Map<string, CountKeyed>()
  for (const delta of deltas) {
    if (!Number.isFinite(delta.count) || delta.count === 0) continue
    const code = delta.code ?? ''
    const key = JSON.stringify([delta.instance, delta.subscriptionId, delta.metric, code])
    const existing = byKey.get(key)
    if (existing) existing.count += delta.count
    else
      byKey.set(key, {
        instance: delta.instance,
        subscriptionId: delta.subscriptionId,
        metric: delta.metric,
        code,
        count: delta.count
      })
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row)
}
