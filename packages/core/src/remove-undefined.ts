import { isPlainObject } from './is-plain-object'

export { isPlainObject }

const hasOwnProperty = Object.prototype.hasOwnProperty

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
  if (Array.isArray(value)) return copyArray(value)
  if (!isPlainObject(value)) return value
  // Spread clones a plain object in one step (V8 copies its layout); the walk that follows only
  // replaces nested objects. Keys that need dropping are rare: those objects take the slow copy.
  const copy: Record<string, unknown> = { ...value }
  for (const key in copy) {
    // Own keys only: an enumerable key added to Object.prototype is not part of the value.
    if (!hasOwnProperty.call(copy, key)) continue
    const item = copy[key]
    if (item === undefined || key === '__proto__') return copyObjectKeyByKey(value)
    if (item !== null && typeof item === 'object') copy[key] = cleanCopy(item)
  }
  return copy
}

function copyArray(value: unknown[]): unknown[] {
  const length = value.length
  const copy = new Array(length)
  for (let i = 0; i < length; i++) {
    const item = value[i]
    copy[i] = item === null || typeof item !== 'object' ? item : cleanCopy(item)
  }
  return copy
}

function copyObjectKeyByKey(value: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {}
  const keys = Object.keys(value)
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]
    const item = value[key]
    if (item === undefined || key === '__proto__') continue
    copy[key] = item === null || typeof item !== 'object' ? item : cleanCopy(item)
  }
  return copy
}
