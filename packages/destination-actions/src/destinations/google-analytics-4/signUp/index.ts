import type { ActionDefinition } from '@action-destinations/core'
import type { Settings } from '../generated-types'
import type { Payload } from './generated-types'
import { identityFields } from '../common-fields'
import { sendEvent } from '../send-event'

const action: ActionDefinition<Settings, Payload> = {
  title: 'Sign Up',
  description: 'Send a sign_up event: a user created an account.',
  defaultSubscription: 'type = "track" and event = "Signed Up"',
  fields: {
    ...identityFields,
    method: {
      label: 'Method',
      description: 'The method used to sign up, e.g. "Google".',
      type: 'string',
      default: { '@path': '$.properties.type' }
    }
  },
  perform: (request, { payload, settings }) => {
    return sendEvent(request, settings, payload, 'sign_up', {
      method: payload.method
    })
  }
}

export default action
