import type { BrowserActionDefinition } from '../../../runtime/types'
import type { Settings } from '../generated-types'
import { compact } from '../compact'
import type { Gtag } from '../gtag'
import type { Payload } from './generated-types'

const action: BrowserActionDefinition<Settings, Gtag, Payload> = {
  title: 'Sign Up',
  description: 'Sends a sign_up event: a visitor created an account.',
  platform: 'web',
  defaultSubscription: 'type = "track" and event = "Signed Up"',
  fields: {
    method: {
      label: 'Method',
      description: 'The method used to sign up, e.g. "Google".',
      type: 'string',
      default: { '@path': '$.properties.type' }
    }
  },
  perform: (gtag, { payload, settings }) => {
    gtag('event', 'sign_up', compact({ method: payload.method, send_to: settings.measurementID }))
  }
}

export default action
