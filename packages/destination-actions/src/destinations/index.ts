import type { DestinationDefinition } from '@action-destinations/core'
import slack from './slack'
import webhook from './webhook'
import amplitude from './amplitude'
import mixpanel from './mixpanel'
import googleAnalytics4 from './google-analytics-4'
import hubspot from './hubspot'
import braze from './braze'
import customerio from './customerio'

/** A registered destination: its definition and where it lives, like the reference registry's manifest. */
export interface ManifestEntry {
  definition: DestinationDefinition<any> // eslint-disable-line @typescript-eslint/no-explicit-any -- each has its own Settings
  directory: string
  path: string
}

const manifestEntries: Array<[id: string, directory: string, definition: ManifestEntry['definition']]> = [
  // Ids are fixed forever: subscriptions and stored settings refer to them.
  ['64f1c0a2b3d4e5f601a2b301', 'slack', slack],
  ['64f1c0a2b3d4e5f601a2b302', 'webhook', webhook],
  ['64f1c0a2b3d4e5f601a2b303', 'amplitude', amplitude],
  ['64f1c0a2b3d4e5f601a2b304', 'mixpanel', mixpanel],
  ['64f1c0a2b3d4e5f601a2b305', 'google-analytics-4', googleAnalytics4],
  ['64f1c0a2b3d4e5f601a2b306', 'hubspot', hubspot],
  ['64f1c0a2b3d4e5f601a2b307', 'braze', braze],
  ['64f1c0a2b3d4e5f601a2b308', 'customerio', customerio]
]

export const manifest: Record<string, ManifestEntry> = Object.create(null)
export const destinations: Record<string, ManifestEntry['definition']> = Object.create(null)

for (const [id, directory, definition] of manifestEntries) {
  manifest[id] = { definition, directory, path: `./${directory}` }
  destinations[id] = definition
}

/** The definition registered under a 24-hex id, or undefined. */
export function getDestinationById(id: string): ManifestEntry['definition'] | undefined {
  return Object.prototype.hasOwnProperty.call(destinations, id) ? destinations[id] : undefined
}

/** Looks up by id first, then by the definition's slug, then by folder name (e.g. "amplitude"). */
export function getDestinationByIdOrKey(idOrKey: string): ManifestEntry['definition'] | undefined {
  const byId = getDestinationById(idOrKey)
  if (byId) return byId
  const entry = Object.values(manifest).find(
    ({ definition, directory }) => definition.slug === idOrKey || directory === idOrKey
  )
  return entry?.definition
}
