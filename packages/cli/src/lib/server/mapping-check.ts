import type { FieldLike } from '../definition-types'

// Edit distance between two short names (field keys), for "did you mean".
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_unused, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
    }
    previous = row
  }
  return previous[b.length]
}

/** The field key nearest to `key` (case-insensitive edit distance), or undefined when there are none. */
export function closestKey(key: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const found = distance(key.toLowerCase(), candidate.toLowerCase())
    if (found < bestDistance) {
      best = candidate
      bestDistance = found
    }
  }
  return best
}

/**
 * One warning per mapping key that is not a field of the action: the runtime drops such keys
 * silently, which hides a typo (`evnt` for `event`).
 */
export function unknownMappingKeys(
  mapping: Record<string, unknown>,
  fields: Record<string, FieldLike> | undefined,
  actionKey: string
): string[] {
  const known = Object.keys(fields ?? {})
  const warnings: string[] = []
  for (const key of Object.keys(mapping)) {
    if (Object.prototype.hasOwnProperty.call(fields ?? {}, key)) continue
    const closest = closestKey(key, known)
    const hint = closest ? `; the closest field is "${closest}"` : '; the action has no fields'
    warnings.push(`mapping key "${key}" is not a field of action "${actionKey}" and is ignored${hint}`)
  }
  return warnings
}
