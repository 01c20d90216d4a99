import type { BrowserActionDefinition } from '../../../runtime/types'
import { SOURCE, type FullStoryApi } from '../fs-api'
import type { Settings } from '../generated-types'
import type { Payload } from './generated-types'

const action: BrowserActionDefinition<Settings, FullStoryApi, Payload> = {
  title: 'Track Event',
  description: 'Records a custom event in the FullStory session.',
  platform: 'web',
  defaultSubscription: 'type = "track"',
  fields: {
    name: {
      label: 'Name',
      description: 'The name of the event.',
      type: 'string',
      required: true,
      default: { '@path': '$.event' }
    },
    properties: {
      label: 'Properties',
      description: 'Properties of the event.',
      type: 'object',
      default: { '@path': '$.properties' }
    }
  },
  perform: (FS, { payload }) => {
    FS('trackEvent', { name: payload.name, properties: payload.properties ?? {} }, SOURCE)
  }
}

export default action
