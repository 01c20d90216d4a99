import { SelfTimeoutError } from '../errors'

/**
 * How long one `perform` or `performBatch` call may take before the call fails with a
 * `SelfTimeoutError` (408), unless the action's `deadlineMs` says otherwise. Requests time out
 * after 10 s each; this bounds the whole call, however many requests it makes or awaits.
 */
export const DEFAULT_ACTION_DEADLINE_MS = 60_000

/**
 * `work`, or a `SelfTimeoutError` once `ms` have passed without it settling. The work itself
 * is not stopped (nothing can cancel a promise); its later outcome is ignored. A deadline that
 * is not a positive finite number means none.
 */
export function withDeadline<T>(work: T | PromiseLike<T>, ms: number, what: string): Promise<T> {
  // A value that is already there needs no timer.
  if (!(ms > 0 && ms < Number.POSITIVE_INFINITY) || !isThenable(work)) return Promise.resolve(work)
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new SelfTimeoutError(`${what} did not finish within ${ms} ms`)), ms)
    // A pending deadline must not keep the process alive on its own.
    if (typeof timer === 'object' && typeof timer.unref === 'function') timer.unref()
    Promise.resolve(work).then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(error)
      }
    )
  })
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  )
}
