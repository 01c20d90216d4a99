import type { ActionDefinition } from '@action-destinations/core'
import type { Settings } from '../generated-types'
import type { Payload } from './generated-types'
import { identityFields } from '../common-fields'
import { sendEvent } from '../send-event'

const action: ActionDefinition<Settings, Payload> = {
  title: 'Search',
  description: 'Send a search event: a user searched your content.',
  defaultSubscription: 'type = "track" and event = "Products Searched"',
  fields: {
    ...identityFields,
    search_term: {
      label: 'Search Term',
      description: 'The term that was searched for.',
      type: 'string',
      required: true,
      default: { '@path': '$.properties.query' }
    }
  },
  perform: (request, { payload, settings }) => {
    return sendEvent(request, settings, payload, 'search', {
      search_term: payload.search_term
    })
  }
}

export default action
