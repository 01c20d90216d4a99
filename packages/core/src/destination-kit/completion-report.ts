import { duration, time } from '../time'
import type { Result } from './types'

// What `onComplete` hears about one subscription, apart from the timing (see SubscriptionStats).
export type CompletionStats<Stats> = (output: Result[] | null, durationMs: number) => Stats

/**
 * Runs one subscription and reports it to `onComplete` however it ends, as the reference does:
 * with its results, or `[{ error: { message } }]` when it fails (the error is still thrown).
 * Stays synchronous when the run is.
 */
export function withCompletionReport<Outcome extends { results: Result[] }, Stats>(
  onComplete: ((stats: Stats) => void) | undefined,
  describe: CompletionStats<Stats>,
  run: () => Outcome | Promise<Outcome>
): Outcome | Promise<Outcome> {
  if (typeof onComplete !== 'function') return run()
  const started = time()
  const report = (output: Result[] | null) => onComplete(describe(output, duration(started, time())))
  const failed = (error: unknown): never => {
    const message = (error as { message?: unknown } | null)?.message
    report([{ error: { message: typeof message === 'string' ? message : String(error) } }])
    throw error
  }
  let outcome: Outcome | Promise<Outcome>
  try {
    outcome = run()
  } catch (error) {
    return failed(error)
  }
  if (outcome instanceof Promise) {
    return outcome.then((value) => {
      report(value.results)
      return value
    }, failed)
  }
  report(outcome.results)
  return outcome
}
