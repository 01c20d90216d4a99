import type { DestinationDefinition } from '@action-destinations/core'
import type { Settings } from './generated-types'
import trackEvent from './trackEvent'
import identifyUser from './identifyUser'
import groupIdentifyUser from './groupIdentifyUser'
import alias from './alias'

const destination: DestinationDefinition<Settings> = {
  name: 'Mixpanel (Actions)',
  slug: 'actions-mixpanel',
  mode: 'cloud',
  description: 'Send events, user profiles, group profiles and aliases to Mixpanel.',
  authentication: {
    scheme: 'custom',
    fields: {
      projectToken: {
        label: 'Project Token',
        description:
          'Mixpanel project token (Project Settings → Access Keys). A public identifier: it ships in browser code.',
        type: 'string',
        required: true
      },
      apiSecret: {
        label: 'Secret Key',
        description: 'Mixpanel project API secret, used to authenticate the Import API.',
        type: 'password',
        required: true
      },
      apiRegion: {
        label: 'Data Residency',
        description: 'The region your Mixpanel project stores data in.',
        type: 'string',
        format: 'text',
        choices: [
          { label: 'US', value: 'US' },
          { label: 'EU', value: 'EU' },
          { label: 'India', value: 'IN' }
        ],
        default: 'US'
      }
    }
  },
  actions: {
    trackEvent,
    identifyUser,
    groupIdentifyUser,
    alias
  }
}

export default destination
