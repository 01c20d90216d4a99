// Polls a condition until it holds, for vendor SDKs that finish booting after their script ran.

const POLL_INTERVAL_MS = 10
const DEFAULT_TIMEOUT_MS = 10_000

/** Resolves once `condition()` is true; rejects after `timeout` ms, or if the condition throws. */
export function resolveWhen(condition: () => boolean, timeout: number = DEFAULT_TIMEOUT_MS): Promise<void> {
  if (typeof condition !== 'function') {
    return Promise.reject(new Error(`resolveWhen: condition must be a function, got ${typeof condition}`))
  }
  if (typeof timeout !== 'number' || !(timeout >= 0)) {
    return Promise.reject(new Error(`resolveWhen: timeout must be a number of milliseconds >= 0, got ${timeout}`))
  }
  return new Promise<void>((resolve, reject) => {
    const started = Date.now()
    const check = (): void => {
      let met: boolean
      try {
        met = condition()
      } catch (error) {
        return reject(error)
      }
      if (met) return resolve()
      if (Date.now() - started >= timeout) {
        return reject(new Error(`resolveWhen: condition still false after ${timeout}ms`))
      }
      setTimeout(check, POLL_INTERVAL_MS)
    }
    check()
  })
}
