import type { BrowserActionDefinition } from '../../../runtime/types'
import { SOURCE, type FullStoryApi } from '../fs-api'
import type { Settings } from '../generated-types'
import type { Payload } from './generated-types'

const action: BrowserActionDefinition<Settings, FullStoryApi, Payload> = {
  title: 'Identify User',
  description:
    'Links the session to a known user (setIdentity) or, for anonymous visitors, records their properties (setProperties).',
  platform: 'web',
  defaultSubscription: 'type = "identify"',
  fields: {
    userId: {
      label: 'User ID',
      description: 'Your unique identifier for the user.',
      type: 'string',
      default: { '@path': '$.userId' }
    },
    displayName: {
      label: 'Display Name',
      description: 'The name shown for the user in FullStory.',
      type: 'string',
      default: { '@path': '$.traits.name' }
    },
    email: {
      label: 'Email',
      description: 'The email address of the user.',
      type: 'string',
      default: { '@path': '$.traits.email' }
    },
    traits: {
      label: 'Traits',
      description: 'Other properties of the user.',
      type: 'object',
      default: { '@path': '$.traits' }
    }
  },
  perform: (FS, { payload }) => {
    const properties: Record<string, unknown> = { ...payload.traits }
    if (payload.displayName !== undefined) properties.displayName = payload.displayName
    if (payload.email !== undefined) properties.email = payload.email
    if (payload.userId) {
      FS('setIdentity', { uid: payload.userId, properties }, SOURCE)
    } else {
      FS('setProperties', { type: 'user', properties }, SOURCE)
    }
  }
}

export default action
