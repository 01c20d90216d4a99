import type { ActionDefinition } from '@action-destinations/core'
import type { Settings } from '../generated-types'
import type { Payload } from './generated-types'
import { callVendor } from '../../../lib/map-http-error'
import { eventRequest } from '../event-body'

const action: ActionDefinition<Settings, Payload> = {
  title: 'Track Event',
  description: 'Record an event for a person (or an anonymous visitor) in Customer.io.',
  defaultSubscription: 'type = "track"',
  fields: {
    id: {
      label: 'Person ID',
      description: 'The identifier of the person.',
      type: 'string',
      default: { '@path': '$.userId' }
    },
    anonymous_id: {
      label: 'Anonymous ID',
      description: 'Used when the person is not known yet.',
      type: 'string',
      default: { '@path': '$.anonymousId' }
    },
    name: {
      label: 'Event Name',
      description: 'The name of the event.',
      type: 'string',
      required: true,
      default: { '@path': '$.event' }
    },
    event_id: {
      label: 'Event ID',
      description: 'A unique ID (ULID recommended) Customer.io uses to deduplicate events.',
      type: 'string'
    },
    timestamp: {
      label: 'Timestamp',
      description: 'When the event occurred.',
      type: 'datetime',
      default: { '@path': '$.timestamp' }
    },
    data: {
      label: 'Event Attributes',
      description: 'Attributes of the event.',
      type: 'object',
      default: { '@path': '$.properties' }
    }
  },
  perform: (request, { payload, settings }) => {
    const { url, body } = eventRequest(settings.accountRegion, { ...payload, type: 'event' })
    return callVendor('Customer.io', request(url, { method: 'post', json: body }))
  }
}

export default action
