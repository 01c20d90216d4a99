import type { Operator } from './types'

/**
 * What a match() pattern means. `*` is a wildcard only at the start and/or the end; `?` and
 * every other character stand for themselves.
 *
 *   "Order*"   -> starts_with "Order"      "*Completed" -> ends_with "Completed"
 *   "*Order*"  -> contains "Order"         "Order"      -> = "Order" (exact)
 *   "*"        -> starts_with "" (anything that is a string)
 *
 * A `*` anywhere else (`Order*Completed`) is refused rather than guessed at.
 */
export function globToCondition(
  pattern: string,
  negated: boolean
): { operator: Operator; value: string } | { error: string } {
  if (pattern === '*') return { operator: negated ? 'not_starts_with' : 'starts_with', value: '' }
  const leading = pattern.startsWith('*')
  const trailing = pattern.length > 1 && pattern.endsWith('*')
  const inner = pattern.slice(leading ? 1 : 0, trailing ? -1 : undefined)
  if (inner.includes('*')) {
    return {
      error: `match() supports "*" only at the start and/or the end of the pattern (e.g. "Order*", "*Completed", "*Order*"); ${JSON.stringify(
        pattern
      )} has one in the middle`
    }
  }
  if (leading && trailing) return { operator: negated ? 'not_contains' : 'contains', value: inner }
  if (trailing) return { operator: negated ? 'not_starts_with' : 'starts_with', value: inner }
  if (leading) return { operator: negated ? 'not_ends_with' : 'ends_with', value: inner }
  return { operator: negated ? '!=' : '=', value: inner }
}
