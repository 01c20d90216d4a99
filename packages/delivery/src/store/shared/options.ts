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

/** Rejects claim options that would claim nothing sensible (NaN times, negative leases). */
export function checkClaimOptions(options: {
  worker: string
  limit: number
  leaseMs: number
  now: number
  instances?: string[]
}): void {
  const problems: string[] = []
  if (typeof options.worker !== 'string' || options.worker === '') problems.push('worker must be a non-empty string')
  if (!Number.isInteger(options.limit) || options.limit < 0) problems.push('limit must be an integer >= 0')
  if (!Number.isFinite(options.leaseMs) || options.leaseMs <= 0) problems.push('leaseMs must be a number > 0')
  if (!Number.isFinite(options.now)) problems.push('now must be a finite time in epoch milliseconds')
  if (options.instances !== undefined && !Array.isArray(options.instances)) {
    problems.push('instances must be an array of instance names')
  }
  if (problems.length > 0) throw new Error(`claimJobs: ${problems.join('; ')}`)
}
