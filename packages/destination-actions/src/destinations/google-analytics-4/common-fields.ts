import type { InputField } from '@action-destinations/core'

/** Identity, time and user-property fields every GA4 event action has. */
export const identityFields: Record<string, InputField> = {
  client_id: {
    label: 'Client ID',
    description: 'Uniquely identifies a user instance of a web client.',
    type: 'string',
    required: true,
    default: {
      '@if': { exists: { '@path': '$.anonymousId' }, then: { '@path': '$.anonymousId' }, else: { '@path': '$.userId' } }
    }
  },
  user_id: {
    label: 'User ID',
    description: 'A unique identifier for a user, for cross-platform analysis.',
    type: 'string',
    default: { '@path': '$.userId' }
  },
  timestamp_micros: {
    label: 'Event Timestamp',
    description: 'The time of the event; sent to GA4 in microseconds since the epoch.',
    type: 'datetime',
    default: { '@path': '$.timestamp' }
  },
  user_properties: {
    label: 'User Properties',
    description: 'User properties that describe segments of your user base.',
    type: 'object',
    defaultObjectUI: 'keyvalue'
  },
  engagement_time_msec: {
    label: 'Engagement Time in Milliseconds',
    description: 'The amount of time a user interacted with your site, needed for users to show as active.',
    type: 'number',
    default: 1
  },
  params: {
    label: 'Event Parameters',
    description: 'Extra parameters sent with the event (custom dimensions and metrics).',
    type: 'object',
    defaultObjectUI: 'keyvalue'
  }
}

export const currency: InputField = {
  label: 'Currency',
  description: 'Currency of the value, in 3-letter ISO 4217 format.',
  type: 'string',
  default: { '@path': '$.properties.currency' }
}

export const value: InputField = {
  label: 'Value',
  description: 'The monetary value of the event.',
  type: 'number',
  default: { '@path': '$.properties.value' }
}

const itemProperties: Record<string, InputField> = {
  item_id: { label: 'Product ID', description: 'Identifier of the product.', type: 'string' },
  item_name: { label: 'Name', description: 'Name of the product.', type: 'string' },
  affiliation: { label: 'Affiliation', description: 'A product affiliation, e.g. a store.', type: 'string' },
  coupon: { label: 'Coupon', description: 'Coupon code used for a purchase.', type: 'string' },
  discount: { label: 'Discount', description: 'Monetary discount associated with a purchase.', type: 'number' },
  index: { label: 'Index', description: 'Position of the item in a list.', type: 'integer' },
  item_brand: { label: 'Brand', description: 'Brand of the product.', type: 'string' },
  item_category: { label: 'Category', description: 'Category of the product.', type: 'string' },
  item_variant: { label: 'Variant', description: 'Variant of the product, e.g. size or colour.', type: 'string' },
  price: { label: 'Price', description: 'Price of one unit.', type: 'number' },
  quantity: { label: 'Quantity', description: 'Number of units.', type: 'integer' }
}

/** How a Segment product maps to a GA4 item, relative to the product object. */
function itemMapping(prefix: string) {
  const path = (key: string) => ({ '@path': `${prefix}${key}` })
  return {
    item_id: path('product_id'),
    item_name: path('name'),
    affiliation: path('affiliation'),
    coupon: path('coupon'),
    item_brand: path('brand'),
    item_category: path('category'),
    item_variant: path('variant'),
    price: path('price'),
    quantity: path('quantity')
  }
}

/**
 * Products mapped from Segment's e-commerce spec to GA4 items: from an array of products when a path is given
 * (Order Completed, Checkout Started), otherwise the one product in the event's properties (Product Added/Viewed).
 */
export function itemsField(required: boolean, productsPath?: string): InputField {
  return {
    label: 'Items',
    description: 'The products of the event.',
    type: 'object',
    multiple: true,
    required,
    additionalProperties: true,
    properties: itemProperties,
    default: productsPath ? { '@arrayPath': [productsPath, itemMapping('$.')] } : [itemMapping('$.properties.')]
  }
}
