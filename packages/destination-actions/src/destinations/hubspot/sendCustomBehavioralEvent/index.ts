import { PayloadValidationError } from '@action-destinations/core'
import type { ActionDefinition } from '@action-destinations/core'
import type { Settings } from '../generated-types'
import type { Payload } from './generated-types'
import { callVendor } from '../../../lib/map-http-error'
import { HUBSPOT_BASE_URL, VENDOR } from '../api'
import { cleanProperties } from '../clean-properties'
import { listEventDefinitions } from '../dynamic-choices'

const action: ActionDefinition<Settings, Payload> = {
  title: 'Send Custom Behavioral Event',
  description: 'Send a custom behavioral event to HubSpot, attributed to a contact.',
  defaultSubscription: 'type = "track"',
  fields: {
    eventName: {
      label: 'Event Name',
      description: 'The fully qualified internal name of the event definition, e.g. pe123456_order_shipped.',
      type: 'string',
      required: true,
      dynamic: true
    },
    occurredAt: {
      label: 'Event Timestamp',
      description: 'When the event occurred.',
      type: 'datetime',
      default: { '@path': '$.timestamp' }
    },
    email: {
      label: 'Email',
      description: 'Email of the contact the event belongs to.',
      type: 'string',
      format: 'email',
      default: {
        '@if': {
          exists: { '@path': '$.properties.email' },
          then: { '@path': '$.properties.email' },
          else: { '@path': '$.context.traits.email' }
        }
      }
    },
    utk: {
      label: 'User Token',
      description: 'The hubspotutk cookie value of the visitor.',
      type: 'string',
      default: { '@path': '$.context.hubspotutk' }
    },
    objectId: {
      label: 'Object ID',
      description: 'HubSpot ID of the contact the event belongs to.',
      type: 'string'
    },
    properties: {
      label: 'Event Properties',
      description: 'Properties of the event, by their internal names in the event definition.',
      type: 'object',
      defaultObjectUI: 'keyvalue:only'
    }
  },
  dynamicFields: {
    eventName: (request) => listEventDefinitions(request)
  },
  perform: (request, { payload }) => {
    if (!payload.email && !payload.utk && !payload.objectId) {
      throw new PayloadValidationError('HubSpot custom event: one of "email", "utk" or "objectId" is required')
    }
    const occurredAt =
      typeof payload.occurredAt === 'number' ? new Date(payload.occurredAt).toISOString() : payload.occurredAt
    const body: Record<string, unknown> = { eventName: payload.eventName }
    if (occurredAt) body.occurredAt = occurredAt
    if (payload.email) body.email = payload.email
    if (payload.utk) body.utk = payload.utk
    if (payload.objectId) body.objectId = payload.objectId
    body.properties = cleanProperties(payload.properties ?? {})
    return callVendor(VENDOR, request(`${HUBSPOT_BASE_URL}/events/v3/send`, { method: 'post', json: body }))
  }
}

export default action
