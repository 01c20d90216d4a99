import type { Subscription } from './types'

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value
}

/**
 * The subscriptions carried by the settings: an array, or the JSON text of one as the CDN sends
 * it. Throws an error naming `settings.subscriptions` when they are neither.
 */
export function parseSubscriptions(raw: unknown): unknown[] {
  if (raw === undefined || raw === null) return []
  let value = raw
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw)
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      throw new Error(`settings.subscriptions: not valid JSON (${reason})`)
    }
  }
  if (!Array.isArray(value)) {
    throw new Error(`settings.subscriptions: expected an array of subscriptions, got ${describe(value)}`)
  }
  return value
}

/** Why `value` (the subscription at `index`) is not a usable subscription, or undefined if it is. */
export function subscriptionProblem(value: unknown, index: number): string | undefined {
  const place = `settings.subscriptions[${index}]`
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return `${place}: expected an object, got ${describe(value)}`
  }
  const record = value as Record<string, unknown>
  if (typeof record.partnerAction !== 'string') return `${place}.partnerAction: expected a string`
  if (typeof record.subscribe !== 'string') return `${place}.subscribe: expected an FQL string`
  const mapping = record.mapping
  if (mapping !== undefined && (typeof mapping !== 'object' || mapping === null || Array.isArray(mapping))) {
    return `${place}.mapping: expected an object, got ${describe(mapping)}`
  }
  return undefined
}

/** True for a subscription that is switched on; as in the reference, only `enabled: true` counts. */
export function isEnabled(subscription: Subscription): boolean {
  return subscription.enabled === true
}
