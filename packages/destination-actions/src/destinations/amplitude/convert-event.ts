import { PayloadValidationError } from '@action-destinations/core'

/** The subset of an action payload that becomes one Amplitude event. */
export interface EventInput {
  user_id?: string | null
  device_id?: string
  event_type: string
  session_id?: string | number
  time?: string | number
  event_properties?: Record<string, unknown>
  user_properties?: Record<string, unknown>
  groups?: Record<string, unknown>
  app_version?: string
  platform?: string
  os_name?: string
  os_version?: string
  device_brand?: string
  device_manufacturer?: string
  device_model?: string
  carrier?: string
  country?: string
  region?: string
  city?: string
  language?: string
  ip?: string
  insert_id?: string
  library?: string
}

export type AmplitudeEvent = Record<string, unknown>

/** Amplitude wants milliseconds since the epoch; numbers pass as they are, strings must parse as dates. */
export function toEpochMillis(value: string | number | undefined, field: string): number | undefined {
  if (value === undefined || value === '') return undefined
  if (typeof value === 'number') return value
  if (/^\d+$/.test(value)) return Number(value)
  const millis = Date.parse(value)
  if (Number.isNaN(millis)) {
    throw new PayloadValidationError(`Amplitude field "${field}": "${value}" is not a date or a number of milliseconds`)
  }
  return millis
}

/** Amplitude drops events that have neither identifier, so refuse them with a clear reason instead. */
export function requireIdentity(input: { user_id?: string | null; device_id?: string }, action: string): void {
  if (!input.user_id && !input.device_id) {
    throw new PayloadValidationError(`Amplitude ${action}: either "user_id" or "device_id" is required`)
  }
}

const PASSTHROUGH_KEYS = [
  'event_properties',
  'user_properties',
  'groups',
  'app_version',
  'platform',
  'os_name',
  'os_version',
  'device_brand',
  'device_manufacturer',
  'device_model',
  'carrier',
  'country',
  'region',
  'city',
  'language',
  'ip',
  'insert_id'
] as const

export function toAmplitudeEvent(input: EventInput): AmplitudeEvent {
  const event: AmplitudeEvent = { event_type: input.event_type }
  if (input.user_id) event.user_id = input.user_id
  if (input.device_id) event.device_id = input.device_id
  const time = toEpochMillis(input.time, 'time')
  if (time !== undefined) event.time = time
  const sessionId = toEpochMillis(input.session_id, 'session_id')
  if (sessionId !== undefined) event.session_id = sessionId
  for (const key of PASSTHROUGH_KEYS) {
    if (input[key] !== undefined && input[key] !== null) event[key] = input[key]
  }
  if (input.library) event.library = input.library
  return event
}
