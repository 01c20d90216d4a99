import type { BrowserActionDefinition } from '@action-destinations/browser-destination-runtime/types'
import type { Settings } from '../generated-types'
import type { Payload } from './generated-types'

const action: BrowserActionDefinition<Settings, unknown, Payload> = {
  title: {{titleString}},
  description: {{descriptionString}},
  platform: 'web',
  fields: {},
  perform: (client, data) => {
    // Call the partner's browser SDK here with data.payload.
    void client
    void data
  }
}

export default action
