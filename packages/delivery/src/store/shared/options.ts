// Checks of the option values both stores share.
export function checkPositiveInteger(place: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${place} must be a positive integer, not ${JSON.stringify(value)}`)
  }
  return value
}

/** What prune needs besides its cut-off: the store's clock (dedupe expiry) and the attempts to keep. */
export interface PruneSettings {
  before: number
  now: number
  attemptsPerSubscription: number
}
