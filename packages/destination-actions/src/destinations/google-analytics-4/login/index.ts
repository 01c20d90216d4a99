import type { ActionDefinition } from '@action-destinations/core'
import type { Settings } from '../generated-types'
import type { Payload } from './generated-types'
import { identityFields } from '../common-fields'
import { sendEvent } from '../send-event'

const action: ActionDefinition<Settings, Payload> = {
  title: 'Login',
  description: 'Send a login event: a user signed in.',
  defaultSubscription: 'type = "track" and event = "Signed In"',
  fields: {
    ...identityFields,
    method: {
      label: 'Method',
      description: 'The method used to log in, e.g. "Google".',
      type: 'string',
      default: { '@path': '$.properties.type' }
    }
  },
  perform: (request, { payload, settings }) => {
    return sendEvent(request, settings, payload, 'login', {
      method: payload.method
    })
  }
}

export default action
