interface RetryOptions {
  // Total number of attempts (default 2).
  retries?: number
  onFailedAttempt?: (error: unknown, attemptCount: number) => PromiseLike<void> | void
  // Like the reference: a truthy answer accepts the response; a falsy one tries again.
  shouldRetry?: (response: unknown, attemptCount: number) => PromiseLike<boolean> | boolean
}

// Calls `input` until it succeeds (and `shouldRetry` accepts the response) or attempts run out.
// A thrown error on the last attempt is rethrown; a rejected response on the last attempt is returned.
export async function retry<T>(
  input: (attemptCount: number) => PromiseLike<T> | T,
  options: RetryOptions = {}
): Promise<T> {
  const attempts = options.retries ?? 2
  let last: T | undefined
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      last = await input(attempt)
      if (!options.shouldRetry || (await options.shouldRetry(last, attempt))) return last
    } catch (error) {
      if (options.onFailedAttempt) await options.onFailedAttempt(error, attempt)
      if (attempt >= attempts) throw error
    }
  }
  return last as T
}
