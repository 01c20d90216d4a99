// The workload's `wide` mapping written by hand: the fastest plain JavaScript doing the same work,
// the yardstick for how much overhead compiled mappings add.
function own(object, key) {
  return object !== null && typeof object === 'object' && Object.prototype.hasOwnProperty.call(object, key)
    ? object[key]
    : undefined
}

function stringOf(value) {
  return value === undefined || value === null ? '' : String(value)
}

export function handWrittenWide(event) {
  const properties = own(event, 'properties')
  const context = own(event, 'context')
  const device = own(context, 'device')
  const os = own(context, 'os')
  const location = own(context, 'location')
  const library = own(context, 'library')
  const deviceId = own(device, 'id')
  const coupon = own(properties, 'coupon')
  const products = own(properties, 'products')
  const result = {
    user_id: own(event, 'userId'),
    device_id: deviceId !== undefined && deviceId !== null ? deviceId : own(event, 'anonymousId'),
    event_type: own(event, 'event'),
    time: own(event, 'timestamp'),
    event_properties: properties,
    revenue: own(properties, 'revenue'),
    currency: own(properties, 'currency'),
    ip: own(context, 'ip'),
    os_name: own(os, 'name'),
    os_version: own(os, 'version'),
    device_model: own(device, 'model'),
    language: own(context, 'locale'),
    city: own(location, 'city'),
    country: own(location, 'country'),
    library: `${stringOf(own(library, 'name'))}/${stringOf(own(library, 'version'))}`,
    products: Array.isArray(products)
      ? products.map((item) => ({ id: own(item, 'product_id'), price: own(item, 'price'), qty: own(item, 'quantity') }))
      : undefined,
    insert_id: own(event, 'messageId'),
    upper: typeof coupon === 'string' ? coupon.toUpperCase() : coupon
  }
  for (const key in result) if (result[key] === undefined) delete result[key]
  return result
}
