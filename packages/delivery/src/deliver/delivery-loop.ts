// The worker's state and loop (createDeliveryWorker builds it). One turn: pick up configuration
// changes, claim as many due jobs as memory allows, close batches that waited long enough, start
// what the instances' concurrency allows, then sleep until something is due or a slot frees up.
import type { ClaimedJob } from '../store/types'
import type { ResolvedWorkerOptions } from './create-worker'
import { InstanceLimiter } from './instance-limiter'
import { buildInstanceRuntime, signatureOf, storeRefreshedTokens } from './instance-runtime'
import type { InstanceRuntime } from './instance-runtime'
import { deadAtOnce, recordResults, successSampler } from './outcomes'
import type { OutcomeContext } from './outcomes'
import { send } from './send'
import type { SendContext } from './send'
import { SettleBuffer } from './settle-buffer'
import type { DeliveryWorker } from './types'
import { WorkQueue } from './work-queue'
import type { WorkItem } from './work-queue'

const DEFAULT_MAX_CONCURRENCY = 10
/**
 * An instance with this many waiting jobs per allowed request is not claimed for until it catches
 * up: jobs held in memory too long would outlive their leases (and be taken by another worker).
 */
const BACKLOG_PER_REQUEST = 20
/** While claims name their instances, how often the store is asked for jobs of removed instances (a scan). */
const REMOVED_CHECK_MS = 30_000

export class DeliveryLoop implements DeliveryWorker {
  private readonly queue = new WorkQueue()
  private readonly runtimes = new Map<string, InstanceRuntime>()
  private readonly limiters = new Map<string, InstanceLimiter>()
  /** Ids of jobs in memory from claim until their outcome is written. */
  private readonly held = new Map<string, number>()
  /** Sum of the held jobs' body lengths. */
  private heldBytes = 0
  private readonly inFlight = new Set<Promise<void>>()
  private readonly buffer: SettleBuffer
  private readonly outcomes: OutcomeContext
  private config: ReturnType<ResolvedWorkerOptions['currentConfig']> | undefined
  private running: Promise<void> | undefined
  private stopping = false
  private wakeUp: (() => void) | undefined
  /** Something happened while the loop was busy: its next turn starts without sleeping. */
  private woken = false
  /** Instances with pending jobs that the configuration no longer has (they are dead-lettered). */
  private removed: string[] = []
  private removedCheckedAt = -Infinity

  constructor(private readonly options: ResolvedWorkerOptions) {
    this.buffer = new SettleBuffer({ store: options.store, metrics: options.metrics, logger: options.logger })
    this.buffer.onWritten = (jobIds) => {
      for (const id of jobIds) this.forget(id)
      this.wake()
    }
    this.outcomes = {
      buffer: this.buffer,
      metrics: options.metrics,
      policy: options.retry,
      random: options.random,
      sampleSuccess: successSampler(options.successSampleMs)
    }
  }

  start(): void {
    if (this.running) return
    this.stopping = false
    this.running = this.loop()
  }

  async stop(deadlineMs = 10_000): Promise<void> {
    const deadline = this.options.now() + deadlineMs
    this.stopping = true
    this.wake()
    await this.running
    this.running = undefined
    // Partial batches go now; one-by-one jobs not yet started go back to the store.
    this.queue.closeAll()
    await this.release(
      this.queue.drain(undefined, (item) => !item.batch),
      this.options.now()
    )
    this.dispatch(this.options.now())
    while ((this.inFlight.size > 0 || this.queue.size > 0) && this.options.now() < deadline) {
      await Promise.race([...this.inFlight, sleep(Math.max(1, Math.min(50, deadline - this.options.now())))])
      this.dispatch(this.options.now())
    }
    // Whatever is still waiting or in flight goes back (a late answer may still settle it: at least once).
    const left = this.queue.drain()
    await this.buffer.flush()
    const leftIds = new Set(left.map((job) => job.id))
    const unsettled = [...this.held.keys()].filter((id) => !leftIds.has(id))
    await this.release(left, this.options.now())
    if (unsettled.length > 0) await this.releaseIds(unsettled, this.options.now())
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let claimedFull = false
      try {
        this.syncConfig()
        claimedFull = await this.claim()
      } catch (error) {
        this.options.logger.error({ err: error }, 'delivery: claiming jobs failed')
      }
      const now = this.options.now()
      const nextBatch = this.queue.closeDue(now, this.options.lingerMs)
      this.dispatch(now)
      if (claimedFull || this.stopping || this.woken) {
        this.woken = false
        // Let I/O callbacks run between busy turns.
        await new Promise((resolve) => setImmediate(resolve))
        continue
      }
      const wait = nextBatch === undefined ? this.options.pollMs : Math.min(this.options.pollMs, nextBatch - now)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(1, wait))
        this.wakeUp = () => {
          clearTimeout(timer)
          resolve()
        }
      })
      this.wakeUp = undefined
    }
  }

  private forget(id: string): void {
    const bytes = this.held.get(id)
    if (bytes === undefined) return
    this.held.delete(id)
    this.heldBytes -= bytes
  }

  private wake(): void {
    if (this.wakeUp) this.wakeUp()
    else this.woken = true
  }

  /** Rebuilds the runtimes of instances whose configuration changed. */
  private syncConfig(): void {
    const config = this.options.currentConfig()
    if (config === this.config) return
    this.config = config
    this.removedCheckedAt = -Infinity
    const names = new Set<string>()
    for (const instance of config.destinations) {
      names.add(instance.name)
      const signature = signatureOf(instance)
      if (this.runtimes.get(instance.name)?.signature !== signature) {
        this.runtimes.set(instance.name, buildInstanceRuntime(instance, this.options.registry, signature))
      }
      const max = instance.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY
      const limiter = this.limiters.get(instance.name)
      if (limiter) limiter.setMax(max)
      else this.limiters.set(instance.name, new InstanceLimiter(max))
    }
    for (const name of [...this.runtimes.keys()]) if (!names.has(name)) this.runtimes.delete(name)
  }

  /** Claims up to the free room; true when it got all it asked for (more may be due). */
  private async claim(): Promise<boolean> {
    const room = this.options.claimSize - this.held.size
    if (this.heldBytes >= this.options.maxHeldBytes) return false
    if (room < Math.max(1, Math.floor(this.options.claimSize / 10))) return false
    const now = this.options.now()
    const usable = this.claimableInstances(now)
    // Jobs of removed instances are claimed too, to end as dead letters rather than wait forever.
    const instances = usable && [...usable, ...(await this.removedInstances(now))]
    if (instances !== undefined && instances.length === 0) return false
    const jobs = await this.options.store.claimJobs({
      worker: this.options.workerId,
      limit: room,
      leaseMs: this.options.leaseMs,
      now,
      instances
    })
    const toRelease: ClaimedJob[] = []
    for (const job of jobs) this.accept(job, now, toRelease)
    if (toRelease.length > 0) await this.release(toRelease, now)
    return jobs.length >= room
  }

  /** Undefined (all) unless some instance is disabled, paused by a 429 or backlogged. */
  private claimableInstances(now: number): string[] | undefined {
    const config = this.config
    if (!config) return undefined
    let all = true
    const names: string[] = []
    for (const instance of config.destinations) {
      const limiter = this.limiters.get(instance.name)
      const backlogged =
        limiter !== undefined && this.queue.waiting(instance.name) >= limiter.limit * BACKLOG_PER_REQUEST
      const usable = instance.enabled !== false && !limiter?.isPaused(now) && !backlogged
      if (usable) names.push(instance.name)
      else all = false
    }
    return all ? undefined : names
  }

  /** Instances with pending jobs that are not configured, asked of the store at most every few seconds. */
  private async removedInstances(now: number): Promise<string[]> {
    if (now - this.removedCheckedAt < REMOVED_CHECK_MS) return this.removed
    this.removedCheckedAt = now
    const configured = new Set(this.config?.destinations.map((instance) => instance.name))
    const depths = await this.options.store.queueDepths()
    this.removed = [
      ...new Set(depths.filter((d) => d.pending > 0 && !configured.has(d.instance)).map((d) => d.instance))
    ]
    return this.removed
  }

  private accept(job: ClaimedJob, now: number, toRelease: ClaimedJob[]): void {
    // A job we still hold whose lease ran out and that we claimed again: already being handled.
    if (this.held.has(job.id)) return
    this.held.set(job.id, job.body.length)
    this.heldBytes += job.body.length
    const runtime = this.runtimes.get(job.instance)
    if (!runtime) {
      const message = `Instance "${job.instance}" is not in the configuration (removed after the event was routed)`
      deadAtOnce(this.outcomes, job, { code: 'INSTANCE_NOT_FOUND', message }, now)
      return
    }
    if (!runtime.destination) {
      const message = `Instance "${job.instance}": ${runtime.problem ?? 'no destination'}`
      deadAtOnce(this.outcomes, job, { code: 'DESTINATION_NOT_FOUND', message }, now)
      return
    }
    if (runtime.config.enabled === false || this.limiters.get(job.instance)?.isPaused(now)) {
      toRelease.push(job)
      return
    }
    const sub = runtime.subscriptions.get(job.subscriptionId)
    if (!sub || !sub.config.enabled) {
      const code = sub ? 'SUBSCRIPTION_DISABLED' : 'SUBSCRIPTION_NOT_FOUND'
      const message = sub
        ? `Subscription "${job.subscriptionId}" of instance "${job.instance}" is disabled`
        : `Subscription "${job.subscriptionId}" is not in instance "${job.instance}" (removed after the event was routed)`
      deadAtOnce(this.outcomes, job, { code, message }, now)
      return
    }
    this.queue.add(job, sub.plan, now)
  }

  /** Starts what each instance's limit allows; a paused instance's waiting jobs go back until its pause ends. */
  private dispatch(now: number): void {
    for (const instance of this.queue.instances()) {
      const limiter = this.limiters.get(instance)
      if (limiter?.isPaused(now)) {
        void this.release(this.queue.drain(instance), limiter.pausedUntil)
        continue
      }
      while (!limiter || limiter.canStart(now)) {
        const item = this.queue.take(instance)
        if (!item) break
        this.launch(item, limiter)
      }
    }
  }

  private launch(item: WorkItem, limiter: InstanceLimiter | undefined): void {
    if (limiter) limiter.inFlight++
    const run = this.deliver(item, limiter).finally(() => {
      if (limiter) limiter.inFlight--
      this.inFlight.delete(run)
      this.dispatch(this.options.now())
      this.wake()
    })
    this.inFlight.add(run)
  }

  private async deliver(item: WorkItem, limiter: InstanceLimiter | undefined): Promise<void> {
    const runtime = this.runtimes.get(item.instance)
    const sub = runtime?.subscriptions.get(item.subscriptionId)
    if (!runtime || !sub) {
      // The configuration changed while the jobs waited: they are taken again later.
      await this.release(item.jobs, this.options.now())
      return
    }
    // A job whose lease could end before the call does may be taken by another worker: not sent here.
    const latest = this.options.now() + this.options.requestTimeoutMs
    if (item.jobs.some((job) => job.leaseUntil <= latest)) {
      const keep = item.jobs.filter((job) => job.leaseUntil > latest)
      const expiring = item.jobs.filter((job) => job.leaseUntil <= latest)
      await this.release(expiring, this.options.now())
      if (keep.length === 0) return
      item = { ...item, jobs: keep }
    }
    const context: SendContext = {
      requestTimeoutMs: this.options.requestTimeoutMs,
      now: this.options.now,
      onTokenRefresh: (tokens) => storeRefreshedTokens(runtime, tokens, this.options.store, this.options.logger)
    }
    try {
      const sent = await send(runtime, sub, item, context)
      const now = this.options.now()
      if (limiter) {
        if (sent.rateLimited) limiter.rateLimited(now, sent.retryAfterMs)
        else limiter.succeeded(now)
      }
      recordResults(this.outcomes, runtime.secrets, item.instance, item.subscriptionId, item.jobs, sent, now)
    } catch (error) {
      // Only a defect of this engine gets here; the jobs go back rather than being lost.
      this.options.logger.error({ err: error, instance: item.instance }, 'delivery: recording an outcome failed')
      await this.release(item.jobs, this.options.now())
    }
  }

  private async release(jobs: ClaimedJob[], dueAt: number): Promise<void> {
    if (jobs.length === 0) return
    await this.releaseIds(
      jobs.map((job) => job.id),
      dueAt
    )
  }

  private async releaseIds(ids: string[], dueAt: number): Promise<void> {
    try {
      await this.options.store.release(ids, dueAt)
    } catch (error) {
      this.options.logger.error({ err: error, jobs: ids.length }, 'delivery: releasing jobs failed')
    } finally {
      for (const id of ids) this.forget(id)
      this.wake()
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
