// Turns the store's per-minute counters into what the page draws: a funnel per subscription for a
// period, and a trend series of fixed-width buckets.
import type { CountMetric, CountRow, QueueDepth } from '../store/types'

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

export interface Funnel {
  received: number
  filteredNoMatch: number
  filteredDisabled: number
  failedValidation: number
  delivered: number
  retried: number
  /** Permanent failures by error code. */
  failed: Record<string, number>
  deadLettered: Record<string, number>
}

export interface Series {
  /** Start of the first bucket (epoch ms) and the bucket width. */
  start: number
  step: number
  delivered: number[]
  failed: number[]
  retried: number[]
  received: number[]
}

export function emptyFunnel(): Funnel {
  return {
    received: 0,
    filteredNoMatch: 0,
    filteredDisabled: 0,
    failedValidation: 0,
    delivered: 0,
    retried: 0,
    failed: {},
    deadLettered: {}
  }
}

function add(funnel: Funnel, metric: CountMetric, code: string, count: number): void {
  switch (metric) {
    case 'received':
      funnel.received += count
      break
    case 'filtered_no_match':
      funnel.filteredNoMatch += count
      break
    case 'filtered_disabled':
      funnel.filteredDisabled += count
      break
    case 'failed_validation':
      funnel.failedValidation += count
      break
    case 'delivered':
      funnel.delivered += count
      break
    case 'retried':
      funnel.retried += count
      break
    case 'failed':
      funnel.failed[code || 'UNKNOWN'] = (funnel.failed[code || 'UNKNOWN'] ?? 0) + count
      break
    case 'dead_lettered':
      funnel.deadLettered[code || 'UNKNOWN'] = (funnel.deadLettered[code || 'UNKNOWN'] ?? 0) + count
      break
  }
}

export function total(byCode: Record<string, number>): number {
  return Object.values(byCode).reduce((sum, count) => sum + count, 0)
}

export const subscriptionKey = (instance: string, subscriptionId: string): string =>
  `${instance}\u0000${subscriptionId}`

/** Counter rows by (instance, subscription), read once. */
export function rowsBySubscription(rows: CountRow[]): Map<string, CountRow[]> {
  const out = new Map<string, CountRow[]>()
  for (const row of rows) {
    const key = subscriptionKey(row.instance, row.subscriptionId)
    const list = out.get(key)
    if (list) list.push(row)
    else out.set(key, [row])
  }
  return out
}

/** One funnel per (instance, subscription) over rows with `minute >= since`. */
export function funnels(rows: CountRow[], since: number): Map<string, Funnel> {
  const out = new Map<string, Funnel>()
  for (const row of rows) {
    if (row.minute < since) continue
    const key = subscriptionKey(row.instance, row.subscriptionId)
    let funnel = out.get(key)
    if (!funnel) out.set(key, (funnel = emptyFunnel()))
    add(funnel, row.metric, row.code, row.count)
  }
  return out
}

/** Buckets of `step` ms from `start` up to `end`, summed over the given rows. */
export function series(rows: CountRow[], start: number, end: number, step: number): Series {
  const size = Math.max(1, Math.ceil((end - start) / step))
  const zeros = (): number[] => new Array<number>(size).fill(0)
  const out: Series = { start, step, delivered: zeros(), failed: zeros(), retried: zeros(), received: zeros() }
  for (const row of rows) {
    const index = Math.floor((row.minute - start) / step)
    if (index < 0 || index >= size) continue
    if (row.metric === 'delivered') out.delivered[index] += row.count
    else if (row.metric === 'failed' || row.metric === 'failed_validation') out.failed[index] += row.count
    else if (row.metric === 'retried') out.retried[index] += row.count
    else if (row.metric === 'received') out.received[index] += row.count
  }
  return out
}

export function depthFor(
  depths: QueueDepth[],
  instance: string,
  subscriptionId: string
): { pending: number; dead: number } {
  const found = depths.find((depth) => depth.instance === instance && depth.subscriptionId === subscriptionId)
  return { pending: found?.pending ?? 0, dead: found?.dead ?? 0 }
}
