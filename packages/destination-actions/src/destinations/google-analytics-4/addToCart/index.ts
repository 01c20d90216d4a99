import type { ActionDefinition } from '@action-destinations/core'
import type { Settings } from '../generated-types'
import type { Payload } from './generated-types'
import { currency, identityFields, itemsField, value } from '../common-fields'
import { checkItems, normalizeCurrency } from '../validate'
import { sendEvent } from '../send-event'

const action: ActionDefinition<Settings, Payload> = {
  title: 'Add to Cart',
  description: 'Send an add_to_cart event: a user added an item to their cart.',
  defaultSubscription: 'type = "track" and event = "Product Added"',
  fields: {
    ...identityFields,
    currency,
    value,
    items: itemsField(true)
  },
  perform: (request, { payload, settings }) => {
    checkItems('add_to_cart', payload.items)
    return sendEvent(request, settings, payload, 'add_to_cart', {
      currency: normalizeCurrency('add_to_cart', payload.currency, payload.value),
      value: payload.value,
      items: payload.items
    })
  }
}

export default action
