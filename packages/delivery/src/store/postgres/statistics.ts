// Keeps the planner's statistics close to the tables. Jobs arrive and leave in bursts far faster
// than autovacuum's analyze follows (it wakes once a minute), and with stale statistics the
// claim sorts every pending job instead of walking the due-time index. So each process counts
// the rows it wrote and, past a threshold, runs ANALYZE in the background (one at a time).
import type { Pool } from 'pg'

const ROWS_BETWEEN_ANALYZE = 20_000

export class StatisticsKeeper {
  private written = 0
  private running: Promise<void> | undefined

  constructor(private readonly pool: Pool) {}

  /** Notes `rows` written to jobs/events; starts an ANALYZE when enough changed since the last. */
  wrote(rows: number): void {
    this.written += rows
    if (this.written < ROWS_BETWEEN_ANALYZE || this.running || this.pool.ended) return
    this.written = 0
    this.running = this.pool
      .query('ANALYZE jobs, events')
      .then(
        () => undefined,
        // Statistics are an optimisation: a failed ANALYZE (e.g. the pool closing) changes no data.
        () => undefined
      )
      .finally(() => (this.running = undefined))
  }

  /** Waits for a running ANALYZE (before the pool closes). */
  async settle(): Promise<void> {
    await this.running
  }
}
