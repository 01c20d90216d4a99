interface RetryOptions {
  // Total number of attempts (default 2).
  retries?: number
  onFailedAttempt?: (error: unknown, attemptCount: number) => PromiseLike<void> | void
  // Like the reference: a truthy answer accepts the response; a falsy one tries again.
  shouldRetry?: (response: unknown, attemptCount: number) => PromiseLike<boolean> | boolean
}

// Calls `input` until it succeeds (and `shouldRetry` accepts the response) or attempts run out.
// As in the reference: an error on the last attempt (or a falsy one, at once) is rethrown; a
// rejected response on the last attempt is returned; no attempt at all (retries < 1) throws.
export async function retry<T>(
  input: (attemptCount: number) => PromiseLike<T> | T,
  options: RetryOptions = {}
): Promise<T> {
  const attempts = options.retries ?? 2
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const response = await input(attempt)
      if (!options.shouldRetry || (await options.shouldRetry(response, attempt)) || attempt >= attempts) {
        return response
      }
    } catch (error) {
      if (options.onFailedAttempt) await options.onFailedAttempt(error, attempt)
      if (!error || attempt >= attempts) throw error
    }
  }
  throw new Error('Exhausted all retries.')
}
