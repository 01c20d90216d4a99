import { createHash } from 'crypto'

/** Ids given in a configuration: letters, digits, `.`, `_`, `-`; 1 to 100 characters. */
export const SUBSCRIPTION_ID_PATTERN = /^[A-Za-z0-9._-]{1,100}$/

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'subscription'
  )
}

/**
 * A stable id for a subscription that has none: readable slugs of the instance and subscription
 * names plus a short hash of both (so names that slug alike still differ). Stored with the
 * configuration, so a later rename keeps it.
 */
export function deriveSubscriptionId(instanceName: string, subscriptionName: string): string {
  const hash = createHash('sha256').update(`${instanceName}\u0000${subscriptionName}`).digest('hex').slice(0, 8)
  return `${slug(instanceName)}.${slug(subscriptionName)}.${hash}`
}
