import type { BrowserActionDefinition } from '../../../runtime/types'
import type { Settings } from '../generated-types'
import { compact } from '../compact'
import type { Gtag } from '../gtag'
import type { Payload } from './generated-types'

const action: BrowserActionDefinition<Settings, Gtag, Payload> = {
  title: 'Purchase',
  description: 'Sends a purchase event: a visitor completed an order.',
  platform: 'web',
  defaultSubscription: 'type = "track" and event = "Order Completed"',
  fields: {
    transaction_id: {
      label: 'Order ID',
      description: 'The unique identifier of the transaction.',
      type: 'string',
      required: true,
      default: { '@path': '$.properties.order_id' }
    },
    currency: {
      label: 'Currency',
      description: 'The currency of the purchase, in 3-letter ISO 4217 format.',
      type: 'string',
      default: { '@path': '$.properties.currency' }
    },
    value: {
      label: 'Value',
      description: 'The monetary value of the event.',
      type: 'number',
      default: { '@path': '$.properties.total' }
    },
    coupon: {
      label: 'Coupon',
      description: 'The coupon name or code associated with the event.',
      type: 'string',
      default: { '@path': '$.properties.coupon' }
    },
    shipping: {
      label: 'Shipping',
      description: 'Shipping cost of the transaction.',
      type: 'number',
      default: { '@path': '$.properties.shipping' }
    },
    tax: {
      label: 'Tax',
      description: 'Tax cost of the transaction.',
      type: 'number',
      default: { '@path': '$.properties.tax' }
    },
    items: {
      label: 'Products',
      description: 'The products purchased.',
      type: 'object',
      multiple: true,
      properties: {
        item_id: { label: 'Product ID', description: 'Identifier of the product.', type: 'string' },
        item_name: { label: 'Name', description: 'Name of the product.', type: 'string' },
        item_category: { label: 'Category', description: 'Category of the product.', type: 'string' },
        price: { label: 'Price', description: 'Price of one unit.', type: 'number' },
        quantity: { label: 'Quantity', description: 'Units purchased.', type: 'integer' }
      },
      default: {
        '@arrayPath': [
          '$.properties.products',
          {
            item_id: { '@path': '$.product_id' },
            item_name: { '@path': '$.name' },
            item_category: { '@path': '$.category' },
            price: { '@path': '$.price' },
            quantity: { '@path': '$.quantity' }
          }
        ]
      }
    }
  },
  perform: (gtag, { payload, settings }) => {
    gtag(
      'event',
      'purchase',
      compact({
        transaction_id: payload.transaction_id,
        currency: payload.currency,
        value: payload.value,
        coupon: payload.coupon,
        shipping: payload.shipping,
        tax: payload.tax,
        items: payload.items?.map((item) => compact({ ...item })),
        send_to: settings.measurementID
      })
    )
  }
}

export default action
