import type { Analytics, BrowserDestinationDefinition, BrowserDestinationDependencies } from './types'

/** The destination's `initialize`, run at most once and shared by all its action plugins. */
export interface SharedInitializer<Client> {
  /** Starts `initialize` on the first call; every call gets the same promise of the client. */
  start(analytics: Analytics): Promise<Client>
  /** The promise of the client, once `start` was called. */
  started(): Promise<Client> | undefined
  /** The analytics instance `start` was given. */
  analytics(): Analytics | undefined
  isLoaded(): boolean
}

export function sharedInitializer<Settings, Client>(
  definition: BrowserDestinationDefinition<Settings, Client>,
  settings: Settings,
  dependencies: BrowserDestinationDependencies
): SharedInitializer<Client> {
  let client: Promise<Client> | undefined
  let instance: Analytics | undefined
  let loaded = false
  return {
    start(analytics) {
      if (!client) {
        instance = analytics
        // A synchronous throw in initialize becomes a rejection like any other failure.
        client = Promise.resolve().then(() => definition.initialize({ settings, analytics }, dependencies))
        client.then(
          () => (loaded = true),
          () => undefined
        )
      }
      return client
    },
    started: () => client,
    analytics: () => instance,
    isLoaded: () => loaded
  }
}
