import type { ActionDefinition, JSONLikeObject } from '@action-destinations/core'
import type { Settings } from '../generated-types'
import type { Payload } from './generated-types'
import { identityFields, identityOf, toIsoTime } from '../identity'
import { batchingFields } from '../batching-fields'
import { trackBatch, trackOne } from '../users-track'

function toEvent(payload: Payload, settings: Settings): JSONLikeObject {
  const event: JSONLikeObject = {
    ...identityOf(payload),
    name: payload.name,
    time: toIsoTime(payload.time)
  } as JSONLikeObject
  if (settings.app_id) event.app_id = settings.app_id
  if (payload.properties && Object.keys(payload.properties).length > 0) {
    event.properties = payload.properties as JSONLikeObject
  }
  return event
}

const action: ActionDefinition<Settings, Payload> = {
  title: 'Track Event',
  description: 'Record a custom event in Braze.',
  defaultSubscription: 'type = "track" and event != "Order Completed"',
  fields: {
    ...identityFields,
    name: {
      label: 'Event Name',
      description: 'The event name.',
      type: 'string',
      required: true,
      default: { '@path': '$.event' }
    },
    time: {
      label: 'Time',
      description: 'When the event occurred.',
      type: 'datetime',
      required: true,
      default: { '@path': '$.timestamp' }
    },
    properties: {
      label: 'Event Properties',
      description: 'Properties of the event.',
      type: 'object',
      default: { '@path': '$.properties' }
    },
    ...batchingFields
  },
  perform: (request, { payload, settings }) => trackOne(request, settings, 'events', [toEvent(payload, settings)]),
  performBatch: (request, { payload, settings }) =>
    trackBatch(request, settings, 'events', payload, (item) => [toEvent(item, settings)])
}

export default action
