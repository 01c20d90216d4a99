// Tuning of the SQLite store.
export interface SqliteStoreOptions {
  /**
   * `normal` (default): a commit survives the process being killed (kill -9) but the last
   * commits may be lost on power loss or an OS crash. `full`: fsync at every commit, so a commit
   * also survives power loss, at the cost of one disk flush per ingest request.
   */
  synchronous?: 'normal' | 'full'
  /** Attempts kept per subscription by prune (newest first). Default 1000. */
  attemptsPerSubscription?: number
  /** How long a write waits for another process's lock before failing (ms). Default 5000. */
  busyTimeoutMs?: number
  /** The clock for counter buckets and dedupe expiry (tests). Default Date.now. */
  now?: () => number
}

export const DEFAULT_ATTEMPTS_PER_SUBSCRIPTION = 1000
