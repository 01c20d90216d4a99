import type { BrowserActionDefinition } from '../../../runtime'
import type { Settings } from '../generated-types'
import type { Payload } from './generated-types'

const action: BrowserActionDefinition<Settings, unknown, Payload> = {
  title: {{titleString}},
  description: {{descriptionString}},
  platform: 'web',
  fields: {},
  perform: (client, { payload }) => {
    // Call the vendor SDK (the client initialize returned) with the payload.
    void client
    void payload
  }
}

export default action
