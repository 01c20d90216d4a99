import type { JSONObject } from '../json-object'

/** An object with at least one `@`-prefixed key. */
export function isDirective(obj: unknown): obj is JSONObject {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return false
  for (const key of Object.keys(obj)) if (key.startsWith('@')) return true
  return false
}
