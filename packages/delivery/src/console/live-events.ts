// The debugger's live feed: one poller shared by every open stream, running only while someone
// watches, sending each newly stored event once as a server-sent event.
import type { Response } from 'express'
import type { Store } from '../store/store'
import type { EventSummary } from '../store/types'

/** Open streams at once; more are refused so a page left open in many tabs cannot pile up work. */
export const MAX_STREAMS = 20

/**
 * Sent once what is already stored counts as seen: every later event will be streamed, so the page
 * loads the list (GET /events) after this and misses nothing in between.
 */
const READY = 'event: ready\ndata: {}\n\n'

export class LiveEvents {
  private readonly streams = new Set<Response>()
  private readonly seen = new Set<string>()
  private running = false
  /** Whether the loop has taken stock of what is stored (see `ready`). */
  private primed = false
  private sleeping: { timer: NodeJS.Timeout; wake: () => void } | undefined

  constructor(
    private readonly store: Store,
    private readonly pollMs: number
  ) {}

  get size(): number {
    return this.streams.size
  }

  /** Starts a stream on `res`; false when too many are open. */
  open(res: Response): boolean {
    if (this.streams.size >= MAX_STREAMS) return false
    res.status(200)
    res.setHeader('Content-Type', 'text/event-stream')
    res.setHeader('Cache-Control', 'no-store')
    res.setHeader('X-Accel-Buffering', 'no')
    res.flushHeaders()
    res.write('retry: 2000\n\n')
    this.streams.add(res)
    res.on('close', () => this.streams.delete(res))
    if (this.primed) res.write(READY)
    if (!this.running) void this.run()
    return true
  }

  /** Ends every stream (engine shutdown). */
  close(): void {
    for (const res of this.streams) res.end()
    this.streams.clear()
    if (this.sleeping) {
      clearTimeout(this.sleeping.timer)
      this.sleeping.wake()
    }
  }

  // One loop at a time, alive while a stream is open.
  private async run(): Promise<void> {
    this.running = true
    try {
      await this.prime()
      this.primed = true
      for (const res of this.streams) res.write(READY)
      while (this.streams.size > 0) {
        await new Promise<void>((wake) => (this.sleeping = { timer: setTimeout(wake, this.pollMs), wake }))
        this.sleeping = undefined
        if (this.streams.size > 0) await this.poll()
      }
    } finally {
      this.running = false
      this.primed = false
      this.seen.clear()
      // A stream that opened while the loop was ending.
      if (this.streams.size > 0) void this.run()
    }
  }

  // What is stored already counts as seen: the page loads those through GET /events.
  private async prime(): Promise<void> {
    try {
      for (const event of await this.store.recentEvents({ limit: 100 })) this.seen.add(event.id)
    } catch {
      // The next poll tries again.
    }
  }

  private async poll(): Promise<void> {
    try {
      const recent = await this.store.recentEvents({ limit: 100 })
      const fresh = recent.filter((event) => !this.seen.has(event.id))
      this.remember(recent)
      // Oldest first, so the page can put each on top as it comes.
      for (const event of fresh.reverse()) this.send(event)
    } catch {
      // A store hiccup skips one round.
    }
  }

  private remember(recent: EventSummary[]): void {
    for (const event of recent) this.seen.add(event.id)
    // Keep only what the window of 100 can show again.
    if (this.seen.size > 1000) {
      const keep = new Set(recent.map((event) => event.id))
      for (const id of this.seen) if (!keep.has(id)) this.seen.delete(id)
    }
  }

  private send(event: EventSummary): void {
    const line = `event: received\ndata: ${JSON.stringify(event)}\n\n`
    for (const res of this.streams) res.write(line)
  }
}
