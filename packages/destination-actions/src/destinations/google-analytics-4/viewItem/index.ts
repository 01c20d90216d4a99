import type { ActionDefinition } from '@action-destinations/core'
import type { Settings } from '../generated-types'
import type { Payload } from './generated-types'
import { currency, identityFields, itemsField, value } from '../common-fields'
import { checkItems, normalizeCurrency } from '../validate'
import { sendEvent } from '../send-event'

const action: ActionDefinition<Settings, Payload> = {
  title: 'View Item',
  description: 'Send a view_item event: a user viewed an item.',
  defaultSubscription: 'type = "track" and event = "Product Viewed"',
  fields: {
    ...identityFields,
    currency,
    value,
    items: itemsField(true)
  },
  perform: (request, { payload, settings }) => {
    checkItems('view_item', payload.items)
    return sendEvent(request, settings, payload, 'view_item', {
      currency: normalizeCurrency('view_item', payload.currency, payload.value),
      value: payload.value,
      items: payload.items
    })
  }
}

export default action
