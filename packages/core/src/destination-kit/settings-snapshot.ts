import { isPlainObject } from '../is-plain-object'

/**
 * A private record of what a settings object held when it was prepared, so that a new settings
 * object with the same content (a runtime that builds or parses settings for every event) can
 * reuse what was prepared instead of preparing again. Objects the runtime passes again as they
 * are (the same mapping objects) match by identity, as the identity caches already treat them.
 */
export type SettingsSnapshot = ObjectNode

interface ObjectNode {
  readonly source: object
  readonly keys: string[]
  readonly values: SnapshotNode[]
}

interface ArrayNode {
  readonly source: unknown[]
  readonly items: SnapshotNode[]
}

type SnapshotNode = string | number | boolean | null | ObjectNode | ArrayNode

// Larger settings are not snapshotted: comparing them would cost about what preparing does.
const MAX_SNAPSHOT_NODES = 20_000

/**
 * The snapshot of `settings`, or undefined when it holds anything JSON cannot say exactly
 * (undefined, functions, NaN, -0, holes, class instances) or is too large.
 */
export function snapshotSettings(settings: object): SettingsSnapshot | undefined {
  const budget = { nodes: MAX_SNAPSHOT_NODES }
  const node = snapshotOf(settings, budget)
  return node !== undefined && typeof node === 'object' && node !== null && 'keys' in node ? node : undefined
}

function snapshotOf(value: unknown, budget: { nodes: number }): SnapshotNode | undefined {
  if (--budget.nodes < 0) return undefined
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0) ? value : undefined
  if (Array.isArray(value)) {
    const items: SnapshotNode[] = []
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) return undefined
      const item = snapshotOf(value[i], budget)
      if (item === undefined) return undefined
      items.push(item)
    }
    return { source: value, items }
  }
  if (!isPlainObject(value)) return undefined
  const keys = Object.keys(value)
  const values: SnapshotNode[] = []
  for (const key of keys) {
    const item = snapshotOf(value[key], budget)
    if (item === undefined) return undefined
    values.push(item)
  }
  return { source: value, keys, values }
}

/**
 * True when `value` holds what the snapshot recorded: same keys in the same order, same values.
 * The settings object itself is always compared by content (the same object changed at the top
 * level is new settings); objects inside it match by identity too.
 */
export function matchesSnapshot(value: unknown, snapshot: SettingsSnapshot): boolean {
  try {
    return isPlainObject(value) && sameKeysAndValues(value, snapshot)
  } catch {
    // A throwing getter: not the same content.
    return false
  }
}

function sameAs(value: unknown, node: SnapshotNode): boolean {
  if (typeof node !== 'object' || node === null) {
    // 0 === -0, but -0 never enters a snapshot.
    return value === node && (node !== 0 || Object.is(value, 0))
  }
  if (value === node.source) return true
  if (typeof value !== 'object' || value === null) return false
  if ('items' in node) {
    const items = node.items
    if (!Array.isArray(value) || value.length !== items.length) return false
    for (let i = 0; i < items.length; i++) if (!sameAs(value[i], items[i])) return false
    return true
  }
  return isPlainObject(value) && sameKeysAndValues(value, node)
}

function sameKeysAndValues(value: Record<string, unknown>, node: ObjectNode): boolean {
  const { keys, values } = node
  let index = 0
  // for-in lists own keys in order (and inherited enumerable ones, which then do not match).
  for (const key in value) {
    if (key !== keys[index] || !sameAs(value[key], values[index])) return false
    index++
  }
  return index === keys.length
}
