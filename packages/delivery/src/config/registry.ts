// The engine is given its destinations; it does not import any. The CLI passes the registry of
// packages/destination-actions.
import type { DestinationDefinition } from '@action-destinations/core'

export interface RegistryEntry {
  /** The registry id (24 hex characters). */
  id: string
  /** Folder name, e.g. "webhook". */
  key: string
  definition: DestinationDefinition<any> // eslint-disable-line @typescript-eslint/no-explicit-any -- each destination has its own Settings
}

export interface DestinationRegistry {
  /** By id, slug or folder name; undefined when nothing matches. */
  find(idSlugOrKey: string): RegistryEntry | undefined
  list(): RegistryEntry[]
}
