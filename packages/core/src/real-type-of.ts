// A typeof that tells arrays, null and regular expressions apart from plain objects.
export function realTypeOf(
  obj: unknown
):
  | 'string'
  | 'number'
  | 'bigint'
  | 'boolean'
  | 'symbol'
  | 'undefined'
  | 'object'
  | 'function'
  | 'null'
  | 'array'
  | 'regexp' {
  if (obj === null) return 'null'
  if (Array.isArray(obj)) return 'array'
  if (obj instanceof RegExp) return 'regexp'
  return typeof obj
}

export interface Dictionary<T = unknown> {
  [key: string]: T
}

export function isObject(value: unknown): value is Dictionary {
  return realTypeOf(value) === 'object'
}

export function isArray(value: unknown): value is unknown[] {
  return Array.isArray(value)
}

export function isString(value: unknown): value is string {
  return typeof value === 'string'
}
