// The lower-cased built-in tag of a value, as the reference reads it: "null", "array", "regexp",
// and also "date", "map", "error", ... for other built-in objects (so `isObject(new Date())` is false).
// The declared result is the reference's.
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
  return Object.prototype.toString.call(obj).slice(8, -1).toLowerCase() as ReturnType<typeof realTypeOf>
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
