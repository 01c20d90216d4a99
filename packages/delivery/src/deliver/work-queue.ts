// Claimed jobs waiting to be sent. Batching jobs collect in groups per (instance, subscription,
// group key) until the group is full (batch size or bytes) or has waited `lingerMs`; then the
// group, like each one-by-one job, becomes a work item in its instance's ready list.
import type { BatchPlan } from '../route/batch-plan'
import type { ClaimedJob } from '../store/types'

export interface WorkItem {
  instance: string
  subscriptionId: string
  /** True: one onBatch call for all jobs. False: one job, one onEvent call. */
  batch: boolean
  jobs: ClaimedJob[]
}

interface Group {
  item: WorkItem
  batchSize: number
  batchBytes?: number
  bytes: number
  /** When its first job arrived: it is sent by `since + lingerMs` at the latest. */
  since: number
}

export class WorkQueue {
  private readonly groups = new Map<string, Group>()
  private readonly ready = new Map<string, WorkItem[]>()
  private held = 0
  private readonly perInstance = new Map<string, number>()

  /** Jobs waiting here (in groups or ready), not counting those being sent. */
  get size(): number {
    return this.held
  }

  /** Jobs of one instance waiting here. */
  waiting(instance: string): number {
    return this.perInstance.get(instance) ?? 0
  }

  private adjust(instance: string, by: number): void {
    this.held += by
    const count = (this.perInstance.get(instance) ?? 0) + by
    if (count > 0) this.perInstance.set(instance, count)
    else this.perInstance.delete(instance)
  }

  add(job: ClaimedJob, plan: BatchPlan, now: number): void {
    this.adjust(job.instance, 1)
    if (!plan.batching) {
      this.push({ instance: job.instance, subscriptionId: job.subscriptionId, batch: false, jobs: [job] })
      return
    }
    const key = `${job.instance}\u0000${job.subscriptionId}\u0000${job.groupKey}`
    let group = this.groups.get(key)
    const bytes = job.body.length
    // A job that would take the group past its byte limit starts the next batch.
    if (group && group.batchBytes !== undefined && group.bytes + bytes > group.batchBytes) {
      this.close(key, group)
      group = undefined
    }
    if (!group) {
      group = {
        item: { instance: job.instance, subscriptionId: job.subscriptionId, batch: true, jobs: [] },
        batchSize: plan.batchSize,
        batchBytes: plan.batchBytes,
        bytes: 0,
        since: now
      }
      this.groups.set(key, group)
    }
    group.item.jobs.push(job)
    group.bytes += bytes
    if (
      group.item.jobs.length >= group.batchSize ||
      (group.batchBytes !== undefined && group.bytes >= group.batchBytes)
    ) {
      this.close(key, group)
    }
  }

  /** Sends groups that have waited long enough; returns when the next one is due (or undefined). */
  closeDue(now: number, lingerMs: number): number | undefined {
    let next: number | undefined
    for (const [key, group] of this.groups) {
      const due = group.since + lingerMs
      if (due <= now) this.close(key, group)
      else if (next === undefined || due < next) next = due
    }
    return next
  }

  /** Every group is sent as it is (shutdown). */
  closeAll(): void {
    for (const [key, group] of this.groups) this.close(key, group)
  }

  instances(): string[] {
    return [...this.ready.keys()]
  }

  take(instance: string): WorkItem | undefined {
    const list = this.ready.get(instance)
    if (!list) return undefined
    const item = list.shift()
    if (list.length === 0) this.ready.delete(instance)
    if (item) this.adjust(instance, -item.jobs.length)
    return item
  }

  /** Removes and returns every waiting job of `instance` (all instances when undefined), grouped or ready. */
  drain(instance?: string, filter: (item: WorkItem) => boolean = () => true): ClaimedJob[] {
    const out: ClaimedJob[] = []
    for (const [key, group] of this.groups) {
      if ((instance === undefined || group.item.instance === instance) && filter(group.item)) {
        this.groups.delete(key)
        for (const job of group.item.jobs) out.push(job)
      }
    }
    for (const [name, list] of this.ready) {
      if (instance !== undefined && name !== instance) continue
      const keep = list.filter((item) => !filter(item))
      for (const item of list) if (filter(item)) for (const job of item.jobs) out.push(job)
      if (keep.length > 0) this.ready.set(name, keep)
      else this.ready.delete(name)
    }
    for (const job of out) this.adjust(job.instance, -1)
    return out
  }

  private close(key: string, group: Group): void {
    this.groups.delete(key)
    this.push(group.item)
  }

  private push(item: WorkItem): void {
    const list = this.ready.get(item.instance)
    if (list) list.push(item)
    else this.ready.set(item.instance, [item])
  }
}
