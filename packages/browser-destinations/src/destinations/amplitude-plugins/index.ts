import type { BrowserDestinationDefinition } from '../../runtime/types'
import type { Settings } from './generated-types'
import sessionId from './sessionId'

/**
 * Browser helpers for the cloud Amplitude destination. No vendor SDK is loaded: events still go
 * to Amplitude through Segment and the cloud destination; this plugin only adds what the
 * browser alone knows (the session), which loading Amplitude's SDK would double-count.
 */
export const destination: BrowserDestinationDefinition<Settings, undefined> = {
  name: 'Amplitude (Actions)',
  slug: 'actions-amplitude-plugins',
  mode: 'device',
  description: 'Adds the Amplitude session id to every event, for the cloud Amplitude destination to send.',
  settings: {},
  initialize: () => undefined,
  actions: {
    sessionId
  },
  presets: [
    {
      name: 'Session ID',
      subscribe: 'type = "track" or type = "identify" or type = "group" or type = "page" or type = "alias"',
      partnerAction: 'sessionId',
      mapping: {},
      type: 'automatic'
    }
  ]
}

export default destination
