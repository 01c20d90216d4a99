import { describeSnapshots } from '../../../test-utils/snapshot'
import destination from '../index'

// GA4 needs item_id or item_name on each item; neither alone is required.
const items = { items: [{ item_id: 'SKU-1' }] }

describeSnapshots('google-analytics-4', destination, {
  overrides: { customEvent: { name: 'Order Shipped' } },
  requiredOverrides: { purchase: items, addToCart: items, beginCheckout: items, viewItem: items }
})
