import type { DestinationDefinition } from '@action-destinations/core'
import type { Settings } from './generated-types'

const destination: DestinationDefinition<Settings> = {
  name: {{nameString}},
  slug: {{slugString}},
  mode: 'cloud',
  description: {{descriptionString}},
  authentication: {
    scheme: 'custom',
    fields: {}
  },
  actions: {}
}

export default destination
