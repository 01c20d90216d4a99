import { PayloadValidationError, defaultValues } from '@action-destinations/core'
import type { DestinationDefinition } from '@action-destinations/core'
import type { Settings } from './generated-types'
import { callVendor } from '../../lib/map-http-error'
import { endpointsFor } from './regional-endpoints'
import logEvent from './logEvent'
import logPurchase from './logPurchase'
import identifyUser from './identifyUser'
import groupIdentifyUser from './groupIdentifyUser'
import mapUser from './mapUser'

/** Page and screen events have no event name; Amplitude needs one. */
const viewedTemplate = { '@template': 'Viewed {{name}}' }

const destination: DestinationDefinition<Settings> = {
  name: 'Actions Amplitude',
  slug: 'actions-amplitude',
  mode: 'cloud',
  description: 'Send events, purchases, user and group properties to Amplitude.',
  authentication: {
    scheme: 'custom',
    fields: {
      apiKey: {
        label: 'API Key',
        description:
          'Amplitude project API key (Settings → Projects). A public identifier: it ships in browser code; the secret key is separate.',
        type: 'string',
        required: true
      },
      secretKey: {
        label: 'Secret Key',
        description: 'Amplitude project secret key, used for authentication checks and user deletion.',
        type: 'password',
        required: true
      },
      endpoint: {
        label: 'Endpoint Region',
        description: 'The region your Amplitude project stores data in.',
        type: 'string',
        format: 'text',
        choices: [
          { label: 'North America', value: 'north_america' },
          { label: 'Europe', value: 'europe' }
        ],
        default: 'north_america'
      }
    },
    testAuthentication: (request, { settings }) => {
      // User Search answers 401 for a wrong key pair and 200 otherwise, even with no match.
      return callVendor(
        'Amplitude',
        request(endpointsFor(settings.endpoint).usersearch, {
          method: 'get',
          username: settings.apiKey,
          password: settings.secretKey,
          searchParams: { user: 'testUser@example.com' }
        })
      )
    }
  },
  onDelete: (request, { settings, payload }) => {
    if (!payload.userId) {
      throw new PayloadValidationError('Amplitude deletion: the event has no "userId"; Amplitude deletes by user ID')
    }
    return callVendor(
      'Amplitude',
      request(endpointsFor(settings.endpoint).deletions, {
        method: 'post',
        username: settings.apiKey,
        password: settings.secretKey,
        json: { user_ids: [payload.userId], requester: 'segment' }
      })
    )
  },
  presets: [
    {
      name: 'Track Calls',
      subscribe: 'type = "track" and event != "Order Completed"',
      partnerAction: 'logEvent',
      mapping: defaultValues(logEvent.fields),
      type: 'automatic'
    },
    {
      name: 'Order Completed Calls',
      subscribe: 'type = "track" and event = "Order Completed"',
      partnerAction: 'logPurchase',
      mapping: defaultValues(logPurchase.fields),
      type: 'automatic'
    },
    {
      name: 'Page Calls',
      subscribe: 'type = "page"',
      partnerAction: 'logEvent',
      mapping: { ...defaultValues(logEvent.fields), event_type: viewedTemplate },
      type: 'automatic'
    },
    {
      name: 'Screen Calls',
      subscribe: 'type = "screen"',
      partnerAction: 'logEvent',
      mapping: { ...defaultValues(logEvent.fields), event_type: viewedTemplate },
      type: 'automatic'
    },
    {
      name: 'Identify Calls',
      subscribe: 'type = "identify"',
      partnerAction: 'identifyUser',
      mapping: defaultValues(identifyUser.fields),
      type: 'automatic'
    }
  ],
  actions: {
    logEvent,
    logPurchase,
    identifyUser,
    groupIdentifyUser,
    mapUser
  }
}

export default destination
