import type { BrowserDestinationDefinition } from '@action-destinations/browser-destination-runtime/types'
import { browserDestination } from '@action-destinations/browser-destination-runtime/shim'
import type { Settings } from './generated-types'

// The partner SDK's global object, as loaded in the page.
type PartnerClient = unknown

export const destination: BrowserDestinationDefinition<Settings, PartnerClient> = {
  name: {{nameString}},
  slug: {{slugString}},
  mode: 'device',
  description: {{descriptionString}},
  settings: {},
  initialize: async () => {
    // Load the partner SDK (e.g. with deps.loadScript) and return its client.
    return undefined
  },
  actions: {}
}

export default browserDestination(destination)
