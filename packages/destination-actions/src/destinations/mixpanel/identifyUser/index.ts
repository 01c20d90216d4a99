import type { ActionDefinition } from '@action-destinations/core'
import type { Settings } from '../generated-types'
import type { Payload } from './generated-types'
import { callVendor } from '../../../lib/map-http-error'
import { apiHost } from '../regions'
import { toProfileProperties } from '../profile-properties'

const action: ActionDefinition<Settings, Payload> = {
  title: 'Identify User',
  description: "Set properties on the user's Mixpanel profile ($set).",
  defaultSubscription: 'type = "identify"',
  fields: {
    distinct_id: {
      label: 'Distinct ID',
      description: 'The identity whose profile is updated.',
      type: 'string',
      required: true,
      default: {
        '@if': { exists: { '@path': '$.userId' }, then: { '@path': '$.userId' }, else: { '@path': '$.anonymousId' } }
      }
    },
    traits: {
      label: 'User Properties',
      description: 'Properties to set on the profile; email, name, phone… become Mixpanel reserved properties.',
      type: 'object',
      default: { '@path': '$.traits' }
    },
    ip: {
      label: 'IP Address',
      description: 'IP address of the user, used for geolocation of the profile.',
      type: 'string',
      default: { '@path': '$.context.ip' }
    }
  },
  perform: (request, { payload, settings }) => {
    const update: Record<string, unknown> = {
      $token: settings.projectToken,
      $distinct_id: payload.distinct_id,
      $set: toProfileProperties(payload.traits)
    }
    if (payload.ip) update.$ip = payload.ip
    return callVendor(
      'Mixpanel',
      request(`${apiHost(settings.apiRegion)}/engage`, {
        method: 'post',
        searchParams: { verbose: '1' },
        json: [update]
      })
    )
  }
}

export default action
