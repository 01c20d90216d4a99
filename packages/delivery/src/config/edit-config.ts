// The admin API's changes as pure functions: each takes the current configuration and the posted
// part, restores masked secrets from the stored values, and returns the candidate configuration
// (still to be validated as a whole) plus the index of the changed part, for error places.
import { unmaskSettings } from '../safety/secret-settings'
import type { DestinationInstanceConfig, EngineConfig, SubscriptionConfig } from './types'

export interface Candidate {
  config: unknown
  /** The prefix problems about the posted part start with, e.g. "destinations[2]". */
  place?: string
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** Restores masked settings, and keeps subscription ids when the posted subscription has the same name. */
function mergeInstance(posted: unknown, stored: DestinationInstanceConfig | undefined): unknown {
  if (!isRecord(posted) || !stored) return posted
  const subscriptions = Array.isArray(posted.subscriptions)
    ? posted.subscriptions.map((subscription: unknown) => {
        if (!isRecord(subscription) || subscription.id !== undefined) return subscription
        const same = stored.subscriptions.find((item) => item.name === subscription.name)
        return same ? { ...subscription, id: same.id } : subscription
      })
    : posted.subscriptions
  return { ...posted, settings: unmaskSettings(posted.settings, stored.settings), subscriptions }
}

export function replaceWholeConfig(current: EngineConfig, posted: unknown): Candidate {
  if (!isRecord(posted) || !Array.isArray(posted.destinations)) return { config: posted }
  const destinations = posted.destinations.map((instance: unknown) => {
    const stored = isRecord(instance) ? current.destinations.find((item) => item.name === instance.name) : undefined
    return mergeInstance(instance, stored)
  })
  return { config: { ...posted, destinations } }
}

/** Creates or replaces the instance called `name` (the body's name, when given, must be the same). */
export function putInstance(current: EngineConfig, name: string, posted: unknown): Candidate {
  const index = current.destinations.findIndex((item) => item.name === name)
  const body = isRecord(posted) ? { ...posted, name: posted.name ?? name } : posted
  const merged = mergeInstance(body, current.destinations[index])
  const destinations: unknown[] = [...current.destinations]
  if (index === -1) destinations.push(merged)
  else destinations[index] = merged
  return {
    config: { ...current, destinations },
    place: `destinations[${index === -1 ? destinations.length - 1 : index}]`
  }
}

export function deleteInstance(current: EngineConfig, name: string): EngineConfig | undefined {
  if (!current.destinations.some((item) => item.name === name)) return undefined
  return { ...current, destinations: current.destinations.filter((item) => item.name !== name) }
}

/** Creates or replaces one subscription of an instance, by id; undefined when the instance is unknown. */
export function putSubscription(
  current: EngineConfig,
  instanceName: string,
  id: string,
  posted: unknown
): Candidate | undefined {
  const index = current.destinations.findIndex((item) => item.name === instanceName)
  if (index === -1) return undefined
  const instance = current.destinations[index]
  const body = isRecord(posted) ? { ...posted, id: posted.id ?? id } : posted
  const subscriptions: unknown[] = [...instance.subscriptions]
  let subIndex = instance.subscriptions.findIndex((item: SubscriptionConfig) => item.id === id)
  if (subIndex === -1) subIndex = subscriptions.push(body) - 1
  else subscriptions[subIndex] = body
  const destinations: unknown[] = [...current.destinations]
  destinations[index] = { ...instance, subscriptions }
  return { config: { ...current, destinations }, place: `destinations[${index}].subscriptions[${subIndex}]` }
}
