import { PayloadValidationError } from '@action-destinations/core'
import { toUnixSeconds } from './unix-time'
import { customerUrl, trackHost } from './regions'

interface EventInput {
  id?: string
  anonymous_id?: string
  name: string
  type?: 'event' | 'page'
  timestamp?: string | number
  data?: Record<string, unknown>
  event_id?: string
}

/** Known people get the event on their profile; anonymous visitors go to the anonymous events endpoint. */
export function eventRequest(
  region: string | undefined,
  input: EventInput
): { url: string; body: Record<string, unknown> } {
  const body: Record<string, unknown> = { name: input.name }
  if (input.type) body.type = input.type
  if (input.event_id) body.id = input.event_id
  const timestamp = toUnixSeconds(input.timestamp, 'timestamp')
  if (timestamp !== undefined) body.timestamp = timestamp
  body.data = input.data ?? {}
  if (input.id) return { url: customerUrl(region, input.id, '/events'), body }
  if (input.anonymous_id) {
    return { url: `${trackHost(region)}/api/v1/events`, body: { ...body, anonymous_id: input.anonymous_id } }
  }
  throw new PayloadValidationError('Customer.io: an event needs a person "id" or an "anonymous_id"')
}
