// Queue depths come from two grouped counts (pending, dead); both stores fold them the same way.
import type { QueueDepth } from '../types'

/** Folds (instance, subscription, state, count) rows into one depth per subscription, sorted. */
export function mergeDepths(
  rows: { instance: string; subscription_id: string; state: 'pending' | 'dead'; n: number }[]
): QueueDepth[] {
  const depths = new Map<string, QueueDepth>()
  for (const row of rows) {
    const key = JSON.stringify([row.instance, row.subscription_id])
    let depth = depths.get(key)
    if (!depth) {
      depth = { instance: row.instance, subscriptionId: row.subscription_id, pending: 0, dead: 0 }
      depths.set(key, depth)
    }
    depth[row.state] += Number(row.n)
  }
  return [...depths.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, depth]) => depth)
}
