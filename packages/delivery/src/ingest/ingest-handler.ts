// POST /v1/<type> and /v1/batch: authenticate by write key, read and check the events, route
// them, store them with their jobs in one call, and answer 200 only once the store has them.
import type { Request, Response } from 'express'
import type { Logger } from 'pino'
import type { MetricsSink } from '../metrics/sink'
import type { Router } from '../route/types'
import type { Store } from '../store/store'
import type { CountDelta, IngestItem } from '../store/types'
import { aggregateCounts } from './aggregate-counts'
import { EventError } from './normalize-event'
import { MAX_BATCH_BYTES, MAX_EVENT_BYTES, parseIngestBody, type IngestRoute } from './parse-ingest-body'
import { BodyError, readBody } from './read-body'
import { writeKeyFromHeaders } from './write-key'

/** Segment drops a repeated messageId of a source for 24 hours; so does the engine by default. */
export const DEFAULT_DEDUPE_WINDOW_MS = 24 * 60 * 60 * 1000

export interface IngestContext {
  store: Store
  /** The source a write key belongs to in the current configuration. */
  sourceForWriteKey(writeKey: string): string | undefined
  /** The router of the current configuration. */
  router(): Router
  metrics: MetricsSink
  dedupeWindowMs: number
  /** False while starting or stopping: ingest answers 503 so clients retry elsewhere or later. */
  accepting(): boolean
  logger: Logger
}

const SUCCESS_BODY = '{"success":true}'
const SUCCESS_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'content-length': String(SUCCESS_BODY.length)
}

function answer(res: Response, status: number, body: Record<string, unknown>): void {
  res.status(status).json(body)
}

function unauthorized(res: Response): void {
  res.setHeader('WWW-Authenticate', 'Basic realm="write key"')
  answer(res, 401, { success: false, message: 'Unauthorized: a valid write key is required (Basic auth user name)' })
}

export function createIngestHandler(route: IngestRoute, context: IngestContext) {
  const limit = route === 'batch' ? MAX_BATCH_BYTES : MAX_EVENT_BYTES
  const limitName = route === 'batch' ? '500 KB per batch request' : '32 KB per event'

  return async function ingest(req: Request, res: Response): Promise<void> {
    if (!context.accepting())
      return answer(res, 503, { success: false, message: 'The engine is not accepting events right now' })
    // A wrong key in the header is refused before the body is read.
    const headerKey = writeKeyFromHeaders(req.headers)
    if (req.headers.authorization !== undefined && (headerKey === undefined || !context.sourceForWriteKey(headerKey))) {
      req.resume()
      return unauthorized(res)
    }
    const receivedAtMs = Date.now()
    const receivedAt = new Date(receivedAtMs).toISOString()
    let parsed: ReturnType<typeof parseIngestBody>
    try {
      parsed = parseIngestBody(await readBody(req, { limit, limitName }), route, receivedAt)
    } catch (error) {
      if (error instanceof BodyError) return answer(res, error.status, { success: false, message: error.message })
      if (error instanceof EventError) return answer(res, 400, { success: false, message: error.message })
      throw error
    }
    const source = context.sourceForWriteKey(headerKey ?? parsed.writeKey ?? '')
    if (!source) return unauthorized(res)

    const router = context.router()
    const items: IngestItem[] = []
    const counts: CountDelta[][] = []
    const seen = new Set<string>()
    for (let index = 0; index < parsed.events.length; index++) {
      const { event, type, messageId, name } = parsed.events[index]
      // A messageId repeated inside one request is the same event: keep the first.
      if (seen.has(messageId)) continue
      seen.add(messageId)
      const body = JSON.stringify(event)
      if (Buffer.byteLength(body) > MAX_EVENT_BYTES) {
        const place = route === 'batch' ? `batch[${index}]` : 'event'
        return answer(res, 400, {
          success: false,
          message: `${place}: larger than 32 KB per event (${MAX_EVENT_BYTES} bytes, stamps included)`
        })
      }
      const decision = router.route(source, event)
      items.push({ source, messageId, receivedAt: receivedAtMs, type, name, body, jobs: decision.jobs })
      counts.push(decision.counts)
    }

    let accepted: CountDelta[] = []
    try {
      await context.store.ingest(items, context.dedupeWindowMs, (flags) => {
        accepted = aggregateCounts(counts.filter((_, index) => flags[index]))
        return accepted
      })
    } catch (error) {
      context.logger.error({ err: error, source, events: items.length }, 'ingest: the store did not take the events')
      return answer(res, 503, { success: false, message: 'The events could not be stored; retry later' })
    }
    if (accepted.length > 0) context.metrics.count(accepted)
    // The hot path's answer, written directly (express's json() serialises and sets more headers).
    res.writeHead(200, SUCCESS_HEADERS).end(SUCCESS_BODY)
  }
}
