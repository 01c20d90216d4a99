import type { DestinationDefinition } from '@action-destinations/core'
import type { DestinationRegistry, RegistryEntry } from '../../src/config/registry'

/** A registry of the given definitions, found by their key. */
export function registryOf(definitions: Record<string, DestinationDefinition<any>>): DestinationRegistry {
  const entries: RegistryEntry[] = Object.entries(definitions).map(([key, definition], i) => ({
    id: String(i).padStart(24, '0'),
    key,
    definition
  }))
  return { find: (name) => entries.find((entry) => entry.key === name), list: () => entries }
}
