// Bulk updates by job id: claims and settles pass their ids as one JSON array read with
// json_each, one statement for hundreds of jobs instead of one call each.
import type { JobOutcome } from '../types'

/** Job ids as the JSON array the bulk updates read with json_each (numbers, as the ids are stored). */
export function idList(ids: (number | string)[]): string {
  return `[${ids.map(Number).filter(Number.isSafeInteger).join(',')}]`
}

export function deliveredByTime(outcomes: JobOutcome[]): Map<number, string[]> {
  const byTime = new Map<number, string[]>()
  for (const outcome of outcomes) {
    if (outcome.kind !== 'delivered') continue
    const ids = byTime.get(outcome.at)
    if (ids) ids.push(outcome.jobId)
    else byTime.set(outcome.at, [outcome.jobId])
  }
  return byTime
}
