import type { JSONLike, JSONLikeObject } from '../json-object'
import { MappingDataError, MAX_DATA_DEPTH } from './data-depth'

/** Values `flattenObject` visits at most (about 0.2 s of work); events are far smaller. */
export const MAX_FLATTEN_VALUES = 50_000

interface Walk {
  out: Record<string, unknown>
  separator: string
  keepArrays: boolean
  /** The objects being walked, outermost first: meeting one again is a cycle. */
  ancestors: Set<object>
  visited: number
}

function isBranch(value: unknown, keepArrays: boolean): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false
  return !(keepArrays && Array.isArray(value))
}

function shortPath(prefix: string): string {
  return prefix.length > 200 ? prefix.slice(0, 200) + '…' : prefix
}

function tooMany(prefix: string): never {
  throw new MappingDataError(`@flatten: the value has more than ${MAX_FLATTEN_VALUES} nested values.`, prefix)
}

function flattenInto(walk: Walk, value: unknown, prefix: string): void {
  if (++walk.visited > MAX_FLATTEN_VALUES) tooMany(prefix)
  if (!isBranch(value, walk.keepArrays)) {
    if (prefix !== '__proto__') walk.out[prefix] = value
    return
  }
  if (walk.ancestors.has(value)) {
    throw new MappingDataError(`@flatten: the value is cyclic at "${shortPath(prefix)}".`, prefix)
  }
  if (walk.ancestors.size >= MAX_DATA_DEPTH) {
    throw new MappingDataError(
      `@flatten: the value is nested deeper than ${MAX_DATA_DEPTH} levels at "${shortPath(prefix)}".`,
      prefix
    )
  }
  // Checked before listing the keys: Object.keys of a huge array alone costs seconds.
  if (Array.isArray(value) && walk.visited + value.length > MAX_FLATTEN_VALUES) tooMany(prefix)
  walk.ancestors.add(value)
  for (const key of Object.keys(value)) {
    flattenInto(walk, value[key], prefix === '' ? key : prefix + walk.separator + key)
  }
  walk.ancestors.delete(value)
}

/**
 * `{a: {b: 1}}` → `{"a.b": 1}`. Arrays are flattened by index unless `ignoreArrays`; a
 * primitive gives `{"": value}`; empty objects and arrays disappear. Throws a
 * `MappingDataError` for cyclic values, values nested deeper than `MAX_DATA_DEPTH` and values
 * of more than `MAX_FLATTEN_VALUES` nested values.
 */
export function flattenObject(input: JSONLike, prefix = '', separator = '.', ignoreArrays = false): JSONLikeObject {
  const walk: Walk = { out: {}, separator, keepArrays: ignoreArrays, ancestors: new Set(), visited: 0 }
  flattenInto(walk, input, prefix)
  return walk.out as JSONLikeObject
}
