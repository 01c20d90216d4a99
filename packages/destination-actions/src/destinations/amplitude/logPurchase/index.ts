import type { ActionDefinition } from '@action-destinations/core'
import type { Settings } from '../generated-types'
import type { Payload } from './generated-types'
import { eventFields } from '../event-fields'
import { requireIdentity, toAmplitudeEvent } from '../convert-event'
import type { AmplitudeEvent } from '../convert-event'
import { sendEvents } from '../send-events'

/** Event type Amplitude's revenue charts use for one purchased product. */
const PRODUCT_EVENT_TYPE = 'Product Purchased'

const action: ActionDefinition<Settings, Payload> = {
  title: 'Log Purchase',
  description: 'Send an order to Amplitude: the order event plus one "Product Purchased" event per product.',
  defaultSubscription: 'type = "track" and event = "Order Completed"',
  fields: {
    ...eventFields,
    revenue: {
      label: 'Revenue',
      description: 'Total revenue of the order.',
      type: 'number',
      default: { '@path': '$.properties.revenue' }
    },
    trackRevenuePerProduct: {
      label: 'Track Revenue Per Product',
      description: 'Attribute revenue to each product event instead of the order event, so it is not counted twice.',
      type: 'boolean',
      default: false
    },
    products: {
      label: 'Products',
      description: 'Products purchased in the order.',
      type: 'object',
      multiple: true,
      additionalProperties: true,
      properties: {
        price: { label: 'Price', description: 'Price of one unit.', type: 'number' },
        quantity: { label: 'Quantity', description: 'Number of units purchased.', type: 'integer' },
        productId: { label: 'Product ID', description: 'Identifier of the product.', type: 'string' },
        revenueType: { label: 'Revenue Type', description: 'Type of revenue, e.g. "refund".', type: 'string' }
      },
      default: {
        '@arrayPath': [
          '$.properties.products',
          {
            price: { '@path': 'price' },
            quantity: { '@path': 'quantity' },
            productId: { '@path': 'product_id' },
            revenueType: { '@path': 'revenueType' }
          }
        ]
      }
    }
  },
  perform: (request, { payload, settings }) => {
    requireIdentity(payload, 'Log Purchase')
    const order = toAmplitudeEvent(payload)
    const products = payload.products ?? []
    if (typeof payload.revenue === 'number' && !payload.trackRevenuePerProduct) order.revenue = payload.revenue
    const events: AmplitudeEvent[] = [order]
    products.forEach((product, index) => {
      const event = toAmplitudeEvent({ ...payload, event_type: PRODUCT_EVENT_TYPE, event_properties: product })
      // Each product event needs its own dedup id, or Amplitude keeps only the first.
      if (payload.insert_id) event.insert_id = `${payload.insert_id}-${index + 1}`
      const quantity = typeof product.quantity === 'number' ? product.quantity : 1
      if (typeof product.price === 'number') {
        event.price = product.price
        event.quantity = quantity
        event.revenue = product.price * quantity
      }
      if (product.productId) event.productId = product.productId
      if (product.revenueType) event.revenueType = product.revenueType
      events.push(event)
    })
    return sendEvents(request, settings, events, {
      useBatchEndpoint: payload.use_batch_endpoint,
      minIdLength: payload.min_id_length
    })
  }
}

export default action
