import type { DestinationDefinition } from '@action-destinations/core'
import type { Settings } from './generated-types'
import { callVendor } from '../../lib/map-http-error'
import { trackHost } from './regions'
import createUpdatePerson from './createUpdatePerson'
import trackEvent from './trackEvent'
import trackPageView from './trackPageView'
import deletePerson from './deletePerson'

const destination: DestinationDefinition<Settings> = {
  name: 'Customer.io Actions',
  slug: 'actions-customerio',
  mode: 'cloud',
  description: 'Create and delete people and track their events and page views in Customer.io.',
  authentication: {
    scheme: 'basic',
    fields: {
      siteId: {
        label: 'Site ID',
        description: 'Customer.io Track API site ID (Account Settings → API Credentials).',
        type: 'string',
        required: true
      },
      apiKey: {
        label: 'API Key',
        description: 'Customer.io Track API key.',
        type: 'password',
        required: true
      },
      accountRegion: {
        label: 'Account Region',
        description: 'The region your Customer.io account is in.',
        type: 'string',
        format: 'text',
        choices: [
          { label: 'US', value: 'US' },
          { label: 'EU', value: 'EU' }
        ],
        default: 'US'
      }
    },
    testAuthentication: (request, { settings }) => {
      return callVendor('Customer.io', request(`${trackHost(settings.accountRegion)}/auth`, { method: 'get' }))
    }
  },
  extendRequest: ({ settings }) => ({
    username: settings.siteId,
    password: settings.apiKey
  }),
  actions: {
    createUpdatePerson,
    trackEvent,
    trackPageView,
    deletePerson
  }
}

export default destination
