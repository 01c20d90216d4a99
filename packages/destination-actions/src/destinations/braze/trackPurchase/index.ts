import { PayloadValidationError } from '@action-destinations/core'
import type { ActionDefinition, JSONLikeObject } from '@action-destinations/core'
import type { Settings } from '../generated-types'
import type { Payload } from './generated-types'
import { identityFields, identityOf, toIsoTime } from '../identity'
import { batchingFields } from '../batching-fields'
import { trackBatch, trackOne } from '../users-track'

/** Braze records one purchase per product, all sharing the order's identity, time and properties. */
function toPurchases(payload: Payload, settings: Settings): JSONLikeObject[] {
  const products = payload.products ?? []
  if (products.length === 0) {
    throw new PayloadValidationError(
      'Braze Track Purchase: "products" is empty; Braze records one purchase per product'
    )
  }
  const identity = identityOf(payload)
  const time = toIsoTime(payload.time)
  return products.map((product, index) => {
    const currency = (product.currency ?? payload.currency ?? 'USD').toUpperCase()
    if (!/^[A-Z]{3}$/.test(currency)) {
      throw new PayloadValidationError(
        `Braze Track Purchase: products[${index}].currency "${currency}" is not an ISO 4217 code`
      )
    }
    const purchase: JSONLikeObject = {
      ...identity,
      product_id: product.product_id,
      currency,
      price: product.price,
      quantity: product.quantity ?? 1,
      time
    } as JSONLikeObject
    if (settings.app_id) purchase.app_id = settings.app_id
    if (payload.properties && Object.keys(payload.properties).length > 0) {
      purchase.properties = payload.properties as JSONLikeObject
    }
    return purchase
  })
}

const action: ActionDefinition<Settings, Payload> = {
  title: 'Track Purchase',
  description: 'Record purchases in Braze, one per product of the order.',
  defaultSubscription: 'type = "track" and event = "Order Completed"',
  fields: {
    ...identityFields,
    time: {
      label: 'Time',
      description: 'When the order was placed.',
      type: 'datetime',
      required: true,
      default: { '@path': '$.timestamp' }
    },
    currency: {
      label: 'Currency',
      description: 'Currency of the order, used for products without their own (ISO 4217, defaults to USD).',
      type: 'string',
      default: { '@path': '$.properties.currency' }
    },
    products: {
      label: 'Products',
      description: 'Products purchased.',
      type: 'object',
      multiple: true,
      required: true,
      properties: {
        product_id: { label: 'Product ID', description: 'Identifier of the product.', type: 'string', required: true },
        price: { label: 'Price', description: 'Price of one unit.', type: 'number', required: true },
        quantity: { label: 'Quantity', description: 'Number of units.', type: 'integer' },
        currency: { label: 'Currency', description: 'Currency of the price (ISO 4217).', type: 'string' }
      },
      default: {
        '@arrayPath': [
          '$.properties.products',
          {
            product_id: { '@path': '$.product_id' },
            price: { '@path': '$.price' },
            quantity: { '@path': '$.quantity' }
          }
        ]
      }
    },
    properties: {
      label: 'Purchase Properties',
      description: 'Properties of the purchase.',
      type: 'object',
      default: { '@path': '$.properties' }
    },
    ...batchingFields
  },
  perform: (request, { payload, settings }) => trackOne(request, settings, 'purchases', toPurchases(payload, settings)),
  performBatch: (request, { payload, settings }) =>
    trackBatch(request, settings, 'purchases', payload, (item) => toPurchases(item, settings))
}

export default action
