// The body of one ingest request -> the events to store. Accepts any Content-Type (analytics.js
// posts JSON as text/plain to avoid a CORS preflight).
import {
  EventError,
  isEventType,
  isPlainObject,
  normalizeEvent,
  type EventType,
  type NormalizedEvent
} from './normalize-event'

export type IngestRoute = EventType | 'batch'

/** Segment's limits: 32 KB per event, 500 KB per batch request. */
export const MAX_EVENT_BYTES = 32 * 1024
export const MAX_BATCH_BYTES = 500 * 1024

export interface ParsedIngestBody {
  events: NormalizedEvent[]
  /** `writeKey` from the body, if any (analytics.js sends it there). */
  writeKey?: string
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'))
  } catch (error) {
    throw new EventError(`body: not valid JSON (${(error as Error).message})`)
  }
}

function writeKeyOf(body: Record<string, unknown>): string | undefined {
  return typeof body.writeKey === 'string' && body.writeKey !== '' ? body.writeKey : undefined
}

export function parseIngestBody(bytes: Buffer, route: IngestRoute, receivedAt: string): ParsedIngestBody {
  const body = parseJson(bytes)
  if (!isPlainObject(body)) throw new EventError('body: should be a JSON object')
  if (route !== 'batch') return { events: [normalizeEvent(body, route, receivedAt)], writeKey: writeKeyOf(body) }

  if (!Array.isArray(body.batch)) throw new EventError('batch: required, an array of events')
  const defaults = {
    context: isPlainObject(body.context) ? body.context : undefined,
    integrations: isPlainObject(body.integrations) ? body.integrations : undefined
  }
  const events = body.batch.map((item: unknown, index: number) => {
    const place = `batch[${index}].`
    const type = isPlainObject(item) ? item.type : undefined
    if (!isEventType(type)) {
      throw new EventError(
        `${place}type: should be one of track, identify, page, screen, group, alias but it is ${JSON.stringify(type) ?? 'missing'}`
      )
    }
    return normalizeEvent(item, type, receivedAt, place, defaults)
  })
  return { events, writeKey: writeKeyOf(body) }
}
