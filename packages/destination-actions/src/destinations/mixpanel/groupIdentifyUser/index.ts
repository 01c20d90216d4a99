import type { ActionDefinition } from '@action-destinations/core'
import type { Settings } from '../generated-types'
import type { Payload } from './generated-types'
import { callVendor } from '../../../lib/map-http-error'
import { apiHost } from '../regions'

const action: ActionDefinition<Settings, Payload> = {
  title: 'Group Identify',
  description: 'Set properties on a Mixpanel group profile ($set).',
  defaultSubscription: 'type = "group"',
  fields: {
    group_key: {
      label: 'Group Key',
      description: 'The group key configured in Mixpanel, e.g. "company_id".',
      type: 'string',
      required: true,
      default: 'company_id'
    },
    group_id: {
      label: 'Group ID',
      description: 'The identifier of the group.',
      type: 'string',
      required: true,
      default: { '@path': '$.groupId' }
    },
    traits: {
      label: 'Group Properties',
      description: 'Properties to set on the group profile.',
      type: 'object',
      default: { '@path': '$.traits' }
    }
  },
  perform: (request, { payload, settings }) => {
    return callVendor(
      'Mixpanel',
      request(`${apiHost(settings.apiRegion)}/groups`, {
        method: 'post',
        searchParams: { verbose: '1' },
        json: [
          {
            $token: settings.projectToken,
            $group_key: payload.group_key,
            $group_id: payload.group_id,
            $set: payload.traits ?? {}
          }
        ]
      })
    )
  }
}

export default action
