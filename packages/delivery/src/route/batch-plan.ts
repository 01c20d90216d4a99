// How one subscription's events are sent: one by one, or in batches grouped by the values of the
// action's `batch_keys`. Decided once per subscription from the action definition and the mapping.
import { transform } from '@action-destinations/core'
import type { ActionDefinition, JSONLikeObject } from '@action-destinations/core'

/** Used when the action has no `batch_size` field. */
export const DEFAULT_BATCH_SIZE = 100
/** Upper bound when the action's `batch_size` field declares no maximum. */
export const MAX_BATCH_SIZE = 10_000

export interface BatchPlan {
  /** The action has `performBatch` and the mapping sets `enable_batching: true`. */
  batching: boolean
  /** Flush a group once it holds this many events. */
  batchSize: number
  /** Flush a group once its event bodies reach this many bytes (mapping `batch_bytes`); undefined: no byte limit. */
  batchBytes?: number
  /** The group key of an event: '' when not batching or without batch keys. Never throws. */
  groupKey: (event: Record<string, unknown>) => string
}

type AnyAction = ActionDefinition<unknown>
type FieldLike = { default?: unknown; maximum?: unknown; minimum?: unknown }

const NO_GROUP = (): string => ''

function fieldOf(action: AnyAction, key: string): FieldLike | undefined {
  const fields = action.fields as Record<string, FieldLike | undefined> | undefined
  return fields && Object.prototype.hasOwnProperty.call(fields, key) ? fields[key] : undefined
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 1 ? Math.floor(value) : undefined
}

/** The mapping's value, else the field's default (as the runtime resolves a missing field). */
function setting(mapping: Record<string, unknown>, action: AnyAction, key: string): unknown {
  if (Object.prototype.hasOwnProperty.call(mapping, key)) return mapping[key]
  return fieldOf(action, key)?.default
}

function batchSizeOf(mapping: Record<string, unknown>, action: AnyAction): number {
  const field = fieldOf(action, 'batch_size')
  const max = positiveInteger(field?.maximum) ?? MAX_BATCH_SIZE
  const size = positiveInteger(setting(mapping, action, 'batch_size')) ?? DEFAULT_BATCH_SIZE
  return Math.min(size, max)
}

/**
 * Resolves only the mapping keys named by `batch_keys`; mapping-kit compiles that small mapping
 * once (cached by identity), so each event costs one compiled call.
 */
function groupKeyOf(mapping: Record<string, unknown>, action: AnyAction): (event: Record<string, unknown>) => string {
  const keys = setting(mapping, action, 'batch_keys')
  if (!Array.isArray(keys) || keys.length === 0) return NO_GROUP
  const sub: Record<string, unknown> = {}
  for (const key of keys) {
    if (typeof key !== 'string') continue
    const value = setting(mapping, action, key)
    if (value !== undefined) sub[key] = value
  }
  if (Object.keys(sub).length === 0) return NO_GROUP
  const subMapping = sub as JSONLikeObject
  try {
    transform(subMapping, {})
  } catch {
    // An invalid mapping fails at delivery with its validation error; grouping does not matter then.
    return NO_GROUP
  }
  return (event) => {
    try {
      return JSON.stringify(transform(subMapping, event as JSONLikeObject)) ?? ''
    } catch {
      return ''
    }
  }
}

export function batchPlanFor(action: AnyAction | undefined, mapping: Record<string, unknown>): BatchPlan {
  const batching =
    action !== undefined &&
    typeof action.performBatch === 'function' &&
    setting(mapping, action, 'enable_batching') === true
  if (!batching) return { batching: false, batchSize: 1, groupKey: NO_GROUP }
  return {
    batching: true,
    batchSize: batchSizeOf(mapping, action),
    batchBytes: positiveInteger(mapping.batch_bytes),
    groupKey: groupKeyOf(mapping, action)
  }
}
