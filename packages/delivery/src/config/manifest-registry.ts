// The engine imports no destination: a caller hands it a manifest (id -> folder and definition, the
// shape of destination-actions' `manifest`) and this turns it into the registry the engine looks in.
import type { DestinationDefinition } from '@action-destinations/core'
import type { DestinationRegistry, RegistryEntry } from './registry'

export interface ManifestEntry {
  /** Folder name, e.g. "webhook". */
  directory: string
  definition: DestinationDefinition<any> // eslint-disable-line @typescript-eslint/no-explicit-any -- each destination has its own Settings
}

/** A registry over `manifest`: found by id first, then by slug, then by folder name. */
export function registryFromManifest(manifest: Readonly<Record<string, ManifestEntry>>): DestinationRegistry {
  const entries: RegistryEntry[] = Object.entries(manifest).map(([id, entry]) => ({
    id,
    key: entry.directory,
    definition: entry.definition
  }))
  return {
    // An id is exact; a slug can equal another destination's folder name, so slugs win over folders.
    find: (name) =>
      entries.find((entry) => entry.id === name) ??
      entries.find((entry) => entry.definition.slug === name) ??
      entries.find((entry) => entry.key === name),
    list: () => entries
  }
}
