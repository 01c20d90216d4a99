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
    for (let i = 0; i < length; i++) copy[i] = cleanCopy(value[i])
    return copy
  }
  if (!isPlainObject(value)) return value
  const copy: Record<string, unknown> = {}
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key) || key === '__proto__') continue
    const item = value[key]
    if (item !== undefined) copy[key] = cleanCopy(item)
  }
  return copy
}
