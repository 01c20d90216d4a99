import { compileMapping } from '@action-destinations/core/mapping-kit'
import { compileFql } from '@action-destinations/destination-subscriptions'
import type { JSONObject, SegmentEvent, Subscription } from './types'

/** A subscription compiled once: its FQL as a predicate and its mapping as a resolver. */
export interface CompiledSubscription {
  subscription: Subscription
  mapping: JSONObject
  matches(event: SegmentEvent): boolean
  resolve(event: SegmentEvent): JSONObject
}

/** Compiles `subscription`; throws an error naming `place` when its FQL or mapping is invalid. */
export function compileSubscription(subscription: Subscription, place: string): CompiledSubscription {
  let matches: (event: unknown) => boolean
  try {
    matches = compileFql(subscription.subscribe)
  } catch (error) {
    throw new Error(`${place}.subscribe: ${error instanceof Error ? error.message : String(error)}`)
  }
  const mapping: JSONObject = subscription.mapping ?? {}
  let resolve: (data: unknown) => unknown
  try {
    resolve = compileMapping(mapping)
  } catch (error) {
    throw new Error(`${place}.mapping: ${error instanceof Error ? error.message : String(error)}`)
  }
  return {
    subscription,
    mapping,
    matches: (event) => matches(event),
    resolve: (event) => resolve(event) as JSONObject
  }
}
