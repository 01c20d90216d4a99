// Outcomes, counters and attempts wait here briefly and go to the store together: one transaction
// for many deliveries (one by one at thousands per second would otherwise be one each). The same
// counter deltas go to the metrics sink when they are written.
import type { Logger } from 'pino'
import type { MetricsSink } from '../metrics/sink'
import type { Store } from '../store/store'
import type { AttemptRecord, CountDelta, CountMetric, JobOutcome } from '../store/types'

export interface SettleBufferOptions {
  store: Store
  metrics: MetricsSink
  logger: Logger
  /** Write at once when this many outcomes wait (default 500). */
  maxOutcomes?: number
  /** Otherwise write this long after the first waiting outcome (default 20 ms). */
  delayMs?: number
}

export class SettleBuffer {
  private outcomes: JobOutcome[] = []
  private counts = new Map<string, CountDelta>()
  private attempts: AttemptRecord[] = []
  private timer: ReturnType<typeof setTimeout> | undefined
  private writing: Promise<void> = Promise.resolve()
  private readonly maxOutcomes: number
  private readonly delayMs: number
  /** Called with the job ids of each write once it is done (or failed: the leases then expire). */
  onWritten: (jobIds: string[]) => void = () => undefined

  constructor(private readonly options: SettleBufferOptions) {
    this.maxOutcomes = options.maxOutcomes ?? 500
    this.delayMs = options.delayMs ?? 20
  }

  get pending(): number {
    return this.outcomes.length
  }

  count(instance: string, subscriptionId: string, metric: CountMetric, code = '', count = 1): void {
    if (count === 0) return
    const key = `${instance}\u0000${subscriptionId}\u0000${metric}\u0000${code}`
    const known = this.counts.get(key)
    if (known) known.count += count
    else this.counts.set(key, { instance, subscriptionId, metric, code, count })
  }

  add(outcomes: JobOutcome[], attempt?: AttemptRecord): void {
    for (const outcome of outcomes) this.outcomes.push(outcome)
    if (attempt) this.attempts.push(attempt)
    if (this.outcomes.length >= this.maxOutcomes) void this.flush()
    else this.timer ??= setTimeout(() => void this.flush(), this.delayMs)
  }

  /** Writes what waits; resolves when this and every earlier write are done. */
  flush(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer)
      this.timer = undefined
    }
    if (this.outcomes.length === 0 && this.counts.size === 0 && this.attempts.length === 0) return this.writing
    const outcomes = this.outcomes
    const counts = [...this.counts.values()]
    const attempts = this.attempts
    this.outcomes = []
    this.counts = new Map()
    this.attempts = []
    const jobIds = outcomes.map((outcome) => outcome.jobId)
    // Writes go one after another so their order is the order of the outcomes.
    this.writing = this.writing.then(async () => {
      try {
        await this.options.store.settle(outcomes, counts, attempts)
        if (counts.length > 0) this.options.metrics.count(counts)
      } catch (error) {
        // The jobs stay leased and are delivered again once their leases expire (at least once).
        this.options.logger.error({ err: error, jobs: jobIds.length }, 'delivery: storing outcomes failed')
      } finally {
        this.onWritten(jobIds)
      }
    })
    return this.writing
  }
}
