import { splitPath } from './path'

const TOP_LEVEL_KEYS: Record<string, string> = {
  'event-type': 'type',
  event: 'event',
  name: 'name',
  userId: 'userId'
}

const PATH_ROOTS: Record<string, string> = {
  'event-property': 'properties',
  'event-trait': 'traits',
  'event-context': 'context'
}

/**
 * The event keys a leaf condition reads: `['type']`, `['properties', 'a', 'b']`, ...
 * `null` for an unknown condition type (it never matches); an empty or missing property
 * name reads nothing, so the actual value is `undefined` (as in the reference).
 */
export function conditionKeys(type: unknown, name: unknown): string[] | null {
  if (typeof type !== 'string') return null
  if (Object.prototype.hasOwnProperty.call(TOP_LEVEL_KEYS, type)) return [TOP_LEVEL_KEYS[type]]
  if (!Object.prototype.hasOwnProperty.call(PATH_ROOTS, type)) return null
  const parts = typeof name === 'string' ? splitPath(name) : []
  return parts.length === 0 ? [] : [PATH_ROOTS[type], ...parts]
}
