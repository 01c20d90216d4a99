import type { BrowserDestinationDefinition } from '../../runtime'
import type { Settings } from './generated-types'

// The vendor SDK's client, as `initialize` returns it to every action.
type VendorClient = unknown

export const destination: BrowserDestinationDefinition<Settings, VendorClient> = {
  name: {{nameString}},
  slug: {{slugString}},
  mode: 'device',
  description: {{descriptionString}},
  settings: {},
  initialize: async () => {
    // Load the vendor SDK with the second argument's loadScript (keep its URL overridable with a
    // hidden setting, so tests can serve a fake from 127.0.0.1) and return its client.
    return undefined
  },
  actions: {}
}

export default destination
