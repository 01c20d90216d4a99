import type { ActionDefinition } from '@action-destinations/core'
import type { Settings } from '../generated-types'
import type { Payload } from './generated-types'
import { sendForm } from '../send-events'
import { endpointsFor } from '../regional-endpoints'

const action: ActionDefinition<Settings, Payload> = {
  title: 'Map User',
  description: 'Merge a user ID into a global user ID with the User Mapping API (aliasing).',
  defaultSubscription: 'type = "alias"',
  fields: {
    user_id: {
      label: 'User ID',
      description: 'The user ID to be mapped.',
      type: 'string',
      required: true,
      default: { '@path': '$.previousId' }
    },
    global_user_id: {
      label: 'Global User ID',
      description: 'The global user ID the user ID is mapped to.',
      type: 'string',
      required: true,
      default: { '@path': '$.userId' }
    }
  },
  perform: (request, { payload, settings }) => {
    return sendForm(request, endpointsFor(settings.endpoint).usermap, {
      api_key: settings.apiKey,
      mapping: JSON.stringify([{ user_id: payload.user_id, global_user_id: payload.global_user_id }])
    })
  }
}

export default action
