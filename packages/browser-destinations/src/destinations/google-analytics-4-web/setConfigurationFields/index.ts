import type { BrowserActionDefinition } from '../../../runtime/types'
import type { Settings } from '../generated-types'
import { compact } from '../compact'
import type { Gtag } from '../gtag'
import type { Payload } from './generated-types'

const action: BrowserActionDefinition<Settings, Gtag, Payload> = {
  title: 'Set Configuration Fields',
  description: 'Sets the user id and user properties that gtag.js sends with every later event.',
  platform: 'web',
  defaultSubscription: 'type = "identify" or type = "page"',
  fields: {
    user_id: {
      label: 'User ID',
      description: 'A unique identifier for a user, for cross-platform analysis.',
      type: 'string',
      default: { '@path': '$.userId' }
    },
    user_properties: {
      label: 'User Properties',
      description: 'User properties that describe segments of your user base.',
      type: 'object',
      default: { '@path': '$.traits' }
    }
  },
  perform: (gtag, { payload }) => {
    if (payload.user_id !== undefined) gtag('set', { user_id: payload.user_id })
    if (payload.user_properties && Object.keys(payload.user_properties).length > 0) {
      gtag('set', 'user_properties', compact(payload.user_properties))
    }
  }
}

export default action
