import { compileFql } from '@action-destinations/destination-subscriptions'
import type { JSONObject } from '../json-object'
import type { SegmentEvent } from '../segment-event'
import type { SubscriptionMetadata } from './contexts'
import type { Subscription } from './subscription-types'

// A subscription checked and compiled once: its FQL is a predicate, or it is known to be invalid.
export interface PreparedSubscription {
  readonly subscription: Subscription
  readonly partnerAction: string
  readonly mapping: JSONObject
  readonly metadata: SubscriptionMetadata
  // Set when the subscription cannot run; the result it reports instead.
  readonly invalid?: string
  readonly matches: (event: SegmentEvent) => boolean
}

const NEVER = (): boolean => false
const byObject = new WeakMap<object, PreparedSubscription>()

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}

function compileSubscription(subscription: Subscription): PreparedSubscription {
  const mapping = (subscription.mapping ?? {}) as JSONObject
  const metadata: SubscriptionMetadata = {
    actionConfigId: subscription.ID,
    destinationConfigId: subscription.ConfigID,
    actionId: subscription.ActionID,
    sourceId: subscription.ProjectID
  }
  const base = { subscription, partnerAction: subscription.partnerAction, mapping, metadata }
  const fql = subscription.subscribe
  if (typeof fql !== 'string' || fql === '') {
    return { ...base, invalid: 'Failed to validate subscription', matches: NEVER }
  }
  let predicate: (event: SegmentEvent) => boolean
  try {
    predicate = compileFql(fql) as (event: SegmentEvent) => boolean
  } catch (error) {
    return { ...base, invalid: `Invalid subscription : ${messageOf(error)}`, matches: NEVER }
  }
  return {
    ...base,
    matches: (event) => {
      try {
        return predicate(event) === true
      } catch {
        return false
      }
    }
  }
}

// Cached by subscription object; entries go away with the settings that hold them.
export function prepareSubscription(subscription: unknown): PreparedSubscription {
  if (subscription === null || typeof subscription !== 'object' || Array.isArray(subscription)) {
    return {
      subscription: {} as Subscription,
      partnerAction: '',
      mapping: {},
      metadata: {},
      invalid: 'Failed to validate subscription',
      matches: NEVER
    }
  }
  let prepared = byObject.get(subscription)
  if (!prepared) {
    prepared = compileSubscription(subscription as Subscription)
    byObject.set(subscription, prepared)
  }
  return prepared
}

// `settings.subscription` (one, whenever it is truthy, as in the reference: a value that is not a
// subscription object then reports 'Failed to validate subscription') wins over
// `settings.subscriptions` (a list).
export function subscriptionsOf(settings: JSONObject): unknown[] {
  const one = settings.subscription
  if (one) return [one]
  const many = settings.subscriptions
  return Array.isArray(many) ? many : []
}
