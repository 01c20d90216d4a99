import type { ActionDefinition } from '@action-destinations/core'
import type { Settings } from '../generated-types'
import type { Payload } from './generated-types'
import { currency, identityFields, itemsField, value } from '../common-fields'
import { checkItems, normalizeCurrency } from '../validate'
import { sendEvent } from '../send-event'

const action: ActionDefinition<Settings, Payload> = {
  title: 'Begin Checkout',
  description: 'Send a begin_checkout event: a user started the checkout.',
  defaultSubscription: 'type = "track" and event = "Checkout Started"',
  fields: {
    ...identityFields,
    currency,
    value,
    coupon: {
      label: 'Coupon',
      description: 'The coupon code applied to the order.',
      type: 'string',
      default: { '@path': '$.properties.coupon' }
    },
    items: itemsField(true, '$.properties.products')
  },
  perform: (request, { payload, settings }) => {
    checkItems('begin_checkout', payload.items)
    return sendEvent(request, settings, payload, 'begin_checkout', {
      currency: normalizeCurrency('begin_checkout', payload.currency, payload.value),
      value: payload.value,
      coupon: payload.coupon,
      items: payload.items
    })
  }
}

export default action
