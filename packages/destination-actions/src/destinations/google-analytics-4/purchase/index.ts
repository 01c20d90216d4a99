import type { ActionDefinition } from '@action-destinations/core'
import type { Settings } from '../generated-types'
import type { Payload } from './generated-types'
import { currency, identityFields, itemsField, value } from '../common-fields'
import { checkItems, normalizeCurrency } from '../validate'
import { sendEvent } from '../send-event'

const action: ActionDefinition<Settings, Payload> = {
  title: 'Purchase',
  description: 'Send a purchase event: a user completed an order.',
  defaultSubscription: 'type = "track" and event = "Order Completed"',
  fields: {
    ...identityFields,
    currency,
    value,
    transaction_id: {
      label: 'Order ID',
      description: 'The unique identifier of the order.',
      type: 'string',
      required: true,
      default: { '@path': '$.properties.order_id' }
    },
    affiliation: {
      label: 'Affiliation',
      description: 'A store or affiliation from which this transaction occurred.',
      type: 'string',
      default: { '@path': '$.properties.affiliation' }
    },
    coupon: {
      label: 'Coupon',
      description: 'The coupon code applied to the order.',
      type: 'string',
      default: { '@path': '$.properties.coupon' }
    },
    shipping: {
      label: 'Shipping',
      description: 'Shipping cost of the order.',
      type: 'number',
      default: { '@path': '$.properties.shipping' }
    },
    tax: {
      label: 'Tax',
      description: 'Tax of the order.',
      type: 'number',
      default: { '@path': '$.properties.tax' }
    },
    items: itemsField(true, '$.properties.products')
  },
  perform: (request, { payload, settings }) => {
    checkItems('purchase', payload.items)
    return sendEvent(request, settings, payload, 'purchase', {
      currency: normalizeCurrency('purchase', payload.currency, payload.value),
      value: payload.value,
      transaction_id: payload.transaction_id,
      affiliation: payload.affiliation,
      coupon: payload.coupon,
      shipping: payload.shipping,
      tax: payload.tax,
      items: payload.items
    })
  }
}

export default action
