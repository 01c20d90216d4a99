/** One batch the runtime would send: the events (by index) sharing the same `batch_keys` values. */
export interface BatchGroup {
  /** The values of the batch keys every event in the group shares. */
  key: Record<string, unknown>
  indices: number[]
}

// Stable text for a value, so objects with the same keys in another order group together.
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
    return `{${entries.join(',')}}`
  }
  return JSON.stringify(value) ?? 'undefined'
}

/**
 * Groups resolved payloads by their `batch_keys` values, then splits each group into batches of
 * at most `size` events, keeping the events' order.
 */
export function groupBatches(
  payloads: ReadonlyArray<{ index: number; payload: Record<string, unknown> }>,
  batchKeys: readonly string[],
  size: number
): BatchGroup[] {
  const groups = new Map<string, BatchGroup>()
  for (const { index, payload } of payloads) {
    const key: Record<string, unknown> = {}
    for (const name of batchKeys) key[name] = payload[name]
    const text = canonical(key)
    const group = groups.get(text) ?? { key, indices: [] }
    group.indices.push(index)
    groups.set(text, group)
  }
  const batches: BatchGroup[] = []
  for (const group of groups.values()) {
    for (let start = 0; start < group.indices.length; start += size) {
      batches.push({ key: group.key, indices: group.indices.slice(start, start + size) })
    }
  }
  return batches
}
