// Turns one posted event into the event the engine stores: checks the fields its type requires,
// adds a messageId where missing, stamps receivedAt (and timestamp where missing), sets type.
// The caller's object is not modified; a fresh object is returned.
import { randomUUID } from 'crypto'

export const EVENT_TYPES = ['track', 'identify', 'page', 'screen', 'group', 'alias'] as const
export type EventType = (typeof EVENT_TYPES)[number]

export class EventError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'EventError'
  }
}

export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && (EVENT_TYPES as readonly string[]).includes(value)
}

function present(value: unknown): boolean {
  return (typeof value === 'string' && value !== '') || (typeof value === 'number' && Number.isFinite(value))
}

function requireField(event: Record<string, unknown>, field: string, type: EventType, place: string): void {
  if (typeof event[field] !== 'string' || event[field] === '') {
    throw new EventError(`${place}${field}: required for a ${type} event (a non-empty string)`)
  }
}

function checkRequired(event: Record<string, unknown>, type: EventType, place: string): void {
  if (type === 'alias') {
    if (!present(event.userId)) throw new EventError(`${place}userId: required for an alias event`)
    if (!present(event.previousId)) throw new EventError(`${place}previousId: required for an alias event`)
    return
  }
  if (!present(event.userId) && !present(event.anonymousId)) {
    throw new EventError(`${place}userId or ${place}anonymousId: one is required for a ${type} event`)
  }
  if (type === 'track') requireField(event, 'event', type, place)
  if (type === 'group' && !present(event.groupId)) throw new EventError(`${place}groupId: required for a group event`)
}

export interface NormalizedEvent {
  event: Record<string, unknown>
  type: EventType
  messageId: string
  /** `event` of a track, `name` of a page or screen. */
  name?: string
}

/**
 * `place` prefixes field names in errors (e.g. "batch[3]."); `defaults` are the batch's shared
 * `context` and `integrations`, which the event's own values extend.
 */
export function normalizeEvent(
  raw: unknown,
  type: EventType,
  receivedAt: string,
  place = '',
  defaults?: { context?: Record<string, unknown>; integrations?: Record<string, unknown> }
): NormalizedEvent {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new EventError(`${place || 'body'}: an event must be a JSON object`)
  }
  // Spread copies own keys as data properties: a "__proto__" key stays a plain key.
  const source = raw as Record<string, unknown>
  checkRequired(source, type, place)
  // Copy without writeKey (not stored); `delete` would turn the copy into a slow dictionary object.
  const event: Record<string, unknown> = {}
  for (const key in source) {
    if (key === 'writeKey' || !Object.prototype.hasOwnProperty.call(source, key)) continue
    if (key === '__proto__')
      Object.defineProperty(event, key, { value: source[key], enumerable: true, writable: true, configurable: true })
    else event[key] = source[key]
  }
  event.type = type
  const messageId =
    typeof event.messageId === 'string' && event.messageId !== '' ? event.messageId : `api-${randomUUID()}`
  event.messageId = messageId
  event.receivedAt = receivedAt
  if (typeof event.timestamp !== 'string' || event.timestamp === '') event.timestamp = receivedAt
  if (defaults?.context && isPlainObject(defaults.context)) {
    event.context = isPlainObject(event.context) ? { ...defaults.context, ...event.context } : { ...defaults.context }
  }
  if (defaults?.integrations && isPlainObject(defaults.integrations)) {
    event.integrations = isPlainObject(event.integrations)
      ? { ...defaults.integrations, ...event.integrations }
      : { ...defaults.integrations }
  }
  const name =
    type === 'track'
      ? (event.event as string)
      : type === 'page' || type === 'screen'
        ? stringOrUndefined(event.name)
        : undefined
  return { event, type, messageId, name }
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
