import type { CountDelta } from '../store/types'

/** Sums deltas per (instance, subscription, metric, code), as the store expects them. */
export function aggregateCounts(lists: CountDelta[][]): CountDelta[] {
  const totals = new Map<string, CountDelta>()
  for (const list of lists) {
    for (const delta of list) {
      const key = `${delta.instance}\u0000${delta.subscriptionId}\u0000${delta.metric}\u0000${delta.code ?? ''}`
      const total = totals.get(key)
      if (total) total.count += delta.count
      else totals.set(key, { ...delta })
    }
  }
  return [...totals.values()]
}
