import type { BrowserActionDefinition } from '../../../runtime/types'
import { SOURCE, type FullStoryApi } from '../fs-api'
import type { Settings } from '../generated-types'
import type { Payload } from './generated-types'

const action: BrowserActionDefinition<Settings, FullStoryApi, Payload> = {
  title: 'Viewed Page',
  description: 'Names the page in FullStory and records its properties.',
  platform: 'web',
  defaultSubscription: 'type = "page"',
  fields: {
    pageName: {
      label: 'Page Name',
      description: 'The name of the page.',
      type: 'string',
      default: { '@path': '$.name' }
    },
    properties: {
      label: 'Properties',
      description: 'Properties of the page.',
      type: 'object',
      default: { '@path': '$.properties' }
    }
  },
  perform: (FS, { payload }) => {
    const properties: Record<string, unknown> = { ...payload.properties }
    if (payload.pageName !== undefined) properties.pageName = payload.pageName
    FS('setProperties', { type: 'page', properties }, SOURCE)
  }
}

export default action
