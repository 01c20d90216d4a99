import type { ActionDefinition } from '@action-destinations/core'
import type { Settings } from '../generated-types'
import type { Payload } from './generated-types'

const action: ActionDefinition<Settings, Payload> = {
  title: {{titleString}},
  description: {{descriptionString}},
  fields: {},
  perform: (request, data) => {
    // Make your partner API request here, for example:
    // return request('https://api.example.com/v1/events', {
    //   method: 'post',
    //   json: data.payload
    // })
    void request
    void data
  }
}

export default action
