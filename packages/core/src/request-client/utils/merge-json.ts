import { isPlainObject } from '../../is-plain-object'
import { setOwn } from './set-own'

// Layered `json` bodies merge like ky: plain objects deeply, arrays concatenated, anything else replaced.
// Inputs are never modified; unlike the reference, no stray `headers: {}` key is added to objects.
export function mergeJson(base: unknown, next: unknown): unknown {
  if (Array.isArray(base) && Array.isArray(next)) return [...base, ...next]
  if (!isPlainObject(base) || !isPlainObject(next)) return next
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(base)) setOwn(out, key, base[key])
  for (const key of Object.keys(next)) {
    const value = next[key]
    setOwn(out, key, Object.prototype.hasOwnProperty.call(out, key) ? mergeJson(out[key], value) : value)
  }
  return out
}
