import type { ActionDefinition } from '@action-destinations/core'
import type { Settings } from '../generated-types'
import type { Payload } from './generated-types'
import { identityFields } from '../common-fields'
import { normalizeEventName } from '../validate'
import { sendEvent } from '../send-event'

const action: ActionDefinition<Settings, Payload> = {
  title: 'Custom Event',
  description: 'Send any event to GA4 under a name of your choice, with custom parameters.',
  defaultSubscription: 'type = "track"',
  fields: {
    name: {
      label: 'Event Name',
      description: 'The event name; spaces and dashes become underscores. Letters, digits, underscores, max 40.',
      type: 'string',
      required: true,
      default: { '@path': '$.event' }
    },
    lowercase: {
      label: 'Lowercase Event Name',
      description: 'Lowercase the event name, so "Order Shipped" becomes "order_shipped".',
      type: 'boolean',
      default: false
    },
    ...identityFields,
    params: { ...identityFields.params, default: { '@path': '$.properties' } }
  },
  perform: (request, { payload, settings }) => {
    const name = normalizeEventName(payload.lowercase ? payload.name.toLowerCase() : payload.name)
    return sendEvent(request, settings, payload, name, {})
  }
}

export default action
