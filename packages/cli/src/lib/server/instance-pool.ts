import type { RuntimeDestination } from '../core-runtime'
import { debugLog } from './debug-log'

/** A destination instance lent to one request; `release` gives it back when the request ends. */
export interface Lease {
  destination: RuntimeDestination
  release(): void
}

/**
 * Lends each request a destination instance of its own, so requests run concurrently without
 * mixing the responses the runtime records per instance.
 *
 * `current()` gives the instance of the latest (re)load. When it is busy and `createInstance` is
 * given, a spare built from the same definition is lent (spares are kept per loaded instance, so a
 * reload drops the old ones). Without `createInstance`, requests wait for the one instance in turn.
 */
export class InstancePool {
  private readonly busy = new WeakSet<RuntimeDestination>()
  private readonly spares = new WeakMap<RuntimeDestination, RuntimeDestination[]>()
  private readonly waiting = new WeakMap<RuntimeDestination, Array<() => void>>()

  constructor(
    private readonly current: () => RuntimeDestination,
    private readonly createInstance?: (template: RuntimeDestination) => RuntimeDestination,
    /** Idle spares kept per loaded instance; more are built when needed and then dropped. */
    private readonly maxIdle = 8
  ) {}

  async lease(): Promise<Lease> {
    const template = this.current()
    if (!this.busy.has(template)) return this.lend(template, template)
    if (this.createInstance) {
      const spares = this.spares.get(template) ?? []
      this.spares.set(template, spares)
      const spare = spares.pop()
      if (!spare) debugLog.lease('the loaded instance is busy: building another for this request')
      return this.lend(spare ?? this.createInstance(template), template)
    }
    await new Promise<void>((resolve) => {
      const queue = this.waiting.get(template) ?? []
      queue.push(resolve)
      this.waiting.set(template, queue)
    })
    return this.lend(template, template)
  }

  private lend(destination: RuntimeDestination, template: RuntimeDestination): Lease {
    this.busy.add(destination)
    destination.responses.length = 0
    let released = false
    return {
      destination,
      release: () => {
        if (released) return
        released = true
        if (destination === template) {
          const next = this.waiting.get(template)?.shift()
          // Hand the instance straight to the next waiting request, still marked busy.
          if (next) next()
          else this.busy.delete(destination)
          return
        }
        this.busy.delete(destination)
        const spares = this.spares.get(template)
        if (spares && spares.length < this.maxIdle) spares.push(destination)
      }
    }
  }
}
