import { isPlainObject } from './is-plain-object'

export { isPlainObject }

/**
 * A deep copy of `value` without object keys whose value is `undefined`. Array slots are
 * kept (holes stay `undefined`); objects that are not plain (dates, class instances) are
 * kept as they are. `__proto__` keys are dropped so a copy never gains a prototype.
 */
export function removeUndefined<T = unknown>(value: T): T {
  return cleanCopy(value) as T
}

export function cleanCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) {
    const length = value.length
    const copy = new Array(length)
    for (let i = 0; i < length; i++) {
      const item = value[i]
      copy[i] = item === null || typeof item !== 'object' ? item : cleanCopy(item)
    }
    return copy
  }
  if (!isPlainObject(value)) return value
  const copy: Record<string, unknown> = {}
  const keys = Object.keys(value)
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]
    const item = value[key]
    if (item === undefined || key === '__proto__') continue
    // Primitives are copied inline: most payload values are, and a call per value adds up.
    copy[key] = item === null || typeof item !== 'object' ? item : cleanCopy(item)
  }
  return copy
}
