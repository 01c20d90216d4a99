// Ingest requests that finish arriving in the same turn of the event loop share one transaction:
// a commit (and its WAL writes) cost about as much as the rows of a request of 100 events, so
// sixteen concurrent requests committed together cost far less than sixteen commits. Each request
// still resolves only after the commit that holds its events (durable before the 200).
import type { CountDelta, IngestItem } from '../types'

export interface IngestRequest {
  items: IngestItem[]
  dedupeWindowMs: number
  countsFor: (accepted: boolean[]) => CountDelta[]
}

/** Writes the requests in one transaction and returns each one's accepted flags, in order. */
export type WriteGroup = (requests: IngestRequest[]) => boolean[][]

interface Waiting extends IngestRequest {
  resolve: (accepted: boolean[]) => void
  reject: (error: unknown) => void
}

export class IngestGroup {
  private waiting: Waiting[] = []
  private scheduled: Promise<void> | undefined

  constructor(private readonly write: WriteGroup) {}

  add(request: IngestRequest): Promise<boolean[]> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ ...request, resolve, reject })
      this.scheduled ??= new Promise((done) =>
        setImmediate(() => {
          this.scheduled = undefined
          this.flush()
          done()
        })
      )
    })
  }

  /** Resolves once the requests waiting now are written (or refused). */
  async drain(): Promise<void> {
    await this.scheduled
  }

  private flush(): void {
    const group = this.waiting
    this.waiting = []
    if (group.length === 0) return
    try {
      const results = this.write(group)
      group.forEach((request, index) => request.resolve(results[index]))
      return
    } catch (error) {
      if (group.length === 1) {
        group[0].reject(error)
        return
      }
    }
    // The shared transaction failed and rolled back: each request on its own, so one request's
    // failure is not every request's.
    for (const request of group) {
      try {
        request.resolve(this.write([request])[0])
      } catch (error) {
        request.reject(error)
      }
    }
  }
}
