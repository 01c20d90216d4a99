import { PayloadValidationError } from '@action-destinations/core'

/** GA4 silently drops events with malformed currencies; catch them here with the field's name. */
export function normalizeCurrency(
  event: string,
  currency: string | undefined,
  value: number | undefined
): string | undefined {
  if (currency === undefined || currency === '') {
    if (value !== undefined) {
      throw new PayloadValidationError(`GA4 ${event}: "currency" is required when "value" is set`)
    }
    return undefined
  }
  const upper = currency.toUpperCase()
  if (!/^[A-Z]{3}$/.test(upper)) {
    throw new PayloadValidationError(`GA4 ${event}: currency "${currency}" is not a 3-letter ISO 4217 code`)
  }
  return upper
}

/** Each item must be identifiable: GA4 requires item_id or item_name. */
export function checkItems(event: string, items: Array<{ item_id?: string; item_name?: string }> | undefined): void {
  items?.forEach((item, index) => {
    if (!item.item_id && !item.item_name) {
      throw new PayloadValidationError(`GA4 ${event}: items[${index}] needs "item_id" or "item_name"`)
    }
  })
}

/** GA4 event names: letters, digits and underscores, starting with a letter, at most 40 characters. */
export function normalizeEventName(name: string): string {
  const normalized = name.trim().replace(/[\s-]+/g, '_')
  if (!/^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(normalized)) {
    throw new PayloadValidationError(
      `GA4 event name "${name}" is invalid: use letters, digits and underscores, start with a letter, at most 40 characters`
    )
  }
  return normalized
}
