// Configuration files for the guarantee tests: one source, one webhook instance whose
// subscription posts every track event (the whole event, so its messageId) to a fake API.
import { writeFileSync } from 'fs'
import { join } from 'path'
import type { EngineConfig } from '../../src/config/types'
import type { RecordedRequest } from './fake-destination-api'

export const WRITE_KEY = 'e2e-write-key'

export function writeWebhookConfig(
  dir: string,
  hookUrl: string,
  options: { batchSize?: number; maxConcurrency?: number } = {}
): string {
  const mapping: Record<string, unknown> = { url: hookUrl, method: 'POST', data: { '@path': '$.' } }
  if (options.batchSize) Object.assign(mapping, { enable_batching: true, batch_size: options.batchSize })
  const config: EngineConfig = {
    sources: [{ name: 'shop', writeKey: WRITE_KEY }],
    destinations: [
      {
        name: 'hook',
        destination: 'webhook',
        sources: ['shop'],
        settings: {},
        maxConcurrency: options.maxConcurrency ?? 10,
        subscriptions: [
          { id: 'orders', name: 'Orders', enabled: true, subscribe: 'type = "track"', partnerAction: 'send', mapping }
        ]
      }
    ]
  }
  const file = join(dir, 'engine.json')
  writeFileSync(file, JSON.stringify(config, null, 2))
  return file
}

/** The messageIds one request to the fake API carried (one event, or a batch array). */
export function messageIdsOf(request: RecordedRequest): string[] {
  const body = JSON.parse(request.body) as unknown
  const events = Array.isArray(body) ? body : [body]
  return events.map((event) => String((event as { messageId?: unknown }).messageId))
}

/** Counts deliveries per messageId as requests arrive, reading each request once. */
export class ReceptionCounter {
  readonly counts = new Map<string, number>()
  private seen = 0

  /** `counts` only the requests `delivered` says were answered with success (default: all). */
  constructor(
    private readonly requests: RecordedRequest[],
    private readonly delivered: (request: RecordedRequest) => boolean = () => true
  ) {}

  update(): Map<string, number> {
    for (; this.seen < this.requests.length; this.seen++) {
      const request = this.requests[this.seen]
      if (!this.delivered(request)) continue
      for (const id of messageIdsOf(request)) this.counts.set(id, (this.counts.get(id) ?? 0) + 1)
    }
    return this.counts
  }

  /** The ids of `expected` that have not arrived yet. */
  missing(expected: string[]): string[] {
    const counts = this.update()
    return expected.filter((id) => !counts.has(id))
  }
}
