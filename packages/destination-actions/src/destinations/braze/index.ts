import type { DestinationDefinition } from '@action-destinations/core'
import type { Settings } from './generated-types'
import { CLUSTERS } from './clusters'
import trackEvent from './trackEvent'
import trackPurchase from './trackPurchase'
import updateUserProfile from './updateUserProfile'

const destination: DestinationDefinition<Settings> = {
  name: 'Braze Cloud Mode (Actions)',
  slug: 'actions-braze-cloud',
  mode: 'cloud',
  description: 'Send events, purchases and user attributes to Braze through the /users/track API.',
  authentication: {
    scheme: 'custom',
    fields: {
      api_key: {
        label: 'API Key',
        description: 'A Braze REST API key with the users.track permission.',
        type: 'password',
        required: true
      },
      cluster: {
        label: 'Cluster',
        description: 'Your Braze instance, as shown in the dashboard URL (e.g. dashboard-01 → US-01).',
        type: 'string',
        format: 'text',
        choices: Object.keys(CLUSTERS).map((cluster) => ({ label: cluster, value: cluster })),
        default: 'US-01',
        required: true
      },
      app_id: {
        label: 'App ID',
        description: 'Braze app identifier to attribute events and purchases to (optional).',
        type: 'string'
      }
    }
  },
  actions: {
    trackEvent,
    trackPurchase,
    updateUserProfile
  }
}

export default destination
