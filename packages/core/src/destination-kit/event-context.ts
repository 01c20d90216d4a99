import type { JSONObject } from '../json-object'
import type { SegmentEvent } from '../segment-event'
import type { Personas } from './contexts'
import { isRecord } from './is-record'

// What an action gets from the event's `context.personas`.

// As in the reference: `{}` without personas, otherwise whatever `audience_settings` holds.
export function audienceSettingsOf(event: SegmentEvent | undefined): JSONObject | undefined {
  const personas = (event?.context as { personas?: { audience_settings?: unknown } } | undefined)?.personas
  if (!personas) return {}
  return personas.audience_settings as JSONObject | undefined
}

export function personasOf(event: SegmentEvent | undefined): Personas | undefined {
  const personas = (event?.context as { personas?: unknown } | undefined)?.personas
  return isRecord(personas) ? (personas as unknown as Personas) : undefined
}
