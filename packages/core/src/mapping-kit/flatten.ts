import type { JSONLike, JSONLikeObject } from '../json-object'

function isBranch(value: unknown, keepArrays: boolean): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false
  return !(keepArrays && Array.isArray(value))
}

function flattenInto(
  out: Record<string, unknown>,
  value: unknown,
  prefix: string,
  separator: string,
  keepArrays: boolean
) {
  if (!isBranch(value, keepArrays)) {
    if (prefix !== '__proto__') out[prefix] = value
    return
  }
  for (const key of Object.keys(value)) {
    flattenInto(out, value[key], prefix === '' ? key : prefix + separator + key, separator, keepArrays)
  }
}

/**
 * `{a: {b: 1}}` → `{"a.b": 1}`. Arrays are flattened by index unless `ignoreArrays`; a
 * primitive gives `{"": value}`; empty objects and arrays disappear.
 */
export function flattenObject(input: JSONLike, prefix = '', separator = '.', ignoreArrays = false): JSONLikeObject {
  const out: Record<string, unknown> = {}
  flattenInto(out, input, prefix, separator, ignoreArrays)
  return out as JSONLikeObject
}
