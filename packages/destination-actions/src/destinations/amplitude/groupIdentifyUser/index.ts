import type { ActionDefinition } from '@action-destinations/core'
import type { Settings } from '../generated-types'
import type { Payload } from './generated-types'
import { eventFields } from '../event-fields'
import { sendForm } from '../send-events'
import { endpointsFor } from '../regional-endpoints'

const action: ActionDefinition<Settings, Payload> = {
  title: 'Group Identify User',
  description: 'Set properties of a group and, when a user is known, put the user in that group.',
  defaultSubscription: 'type = "group"',
  fields: {
    user_id: eventFields.user_id,
    device_id: eventFields.device_id,
    group_type: {
      label: 'Group Type',
      description: 'The type of the group, e.g. "company".',
      type: 'string',
      required: true
    },
    group_value: {
      label: 'Group Value',
      description: 'The value of the group, e.g. the company name or id.',
      type: 'string',
      required: true,
      default: { '@path': '$.groupId' }
    },
    group_properties: {
      label: 'Group Properties',
      description: 'Properties to set on the group.',
      type: 'object',
      default: { '@path': '$.traits' }
    }
  },
  perform: async (request, { payload, settings }) => {
    const endpoints = endpointsFor(settings.endpoint)
    // Membership lives on the user, so it goes through the Identify API first.
    if (payload.user_id || payload.device_id) {
      const identification: Record<string, unknown> = { groups: { [payload.group_type]: payload.group_value } }
      if (payload.user_id) identification.user_id = payload.user_id
      if (payload.device_id) identification.device_id = payload.device_id
      await sendForm(request, endpoints.identify, {
        api_key: settings.apiKey,
        identification: JSON.stringify([identification])
      })
    }
    return sendForm(request, endpoints.groupidentify, {
      api_key: settings.apiKey,
      identification: JSON.stringify([
        {
          group_type: payload.group_type,
          group_value: payload.group_value,
          group_properties: payload.group_properties ?? {}
        }
      ])
    })
  }
}

export default action
