import type { ConsoleSubscription, Instance, ListedInstance } from './types'

export type InstanceChange = Partial<Omit<Instance, 'subscriptions'>> & { subscriptions?: ConsoleSubscription[] }

/** An instance as the API takes it back: only the configuration's own keys (secrets stay masked). */
export function instanceBody(
  instance: Instance | ListedInstance,
  change: InstanceChange = {}
): Record<string, unknown> {
  const merged = { ...instance, ...change }
  const body: Record<string, unknown> = {
    name: merged.name,
    destination: merged.destination,
    enabled: merged.enabled,
    sources: merged.sources,
    settings: merged.settings,
    subscriptions: merged.subscriptions.map(subscriptionBody)
  }
  if (merged.maxConcurrency !== undefined) body.maxConcurrency = merged.maxConcurrency
  return body
}

/** A new subscription has the id "" until saved: the engine derives one from its name. */
export function subscriptionBody(subscription: ConsoleSubscription): Record<string, unknown> {
  const { id, name, enabled, subscribe, partnerAction, mapping } = subscription
  return id
    ? { id, name, enabled, subscribe, partnerAction, mapping }
    : { name, enabled, subscribe, partnerAction, mapping }
}
