import type { ActionDefinition } from '@action-destinations/core'
import type { Settings } from '../generated-types'
import type { Payload } from './generated-types'
import { identityFields } from '../common-fields'
import { sendEvent } from '../send-event'

const action: ActionDefinition<Settings, Payload> = {
  title: 'Page View',
  description: 'Send a page_view event: a user viewed a page.',
  defaultSubscription: 'type = "page"',
  fields: {
    ...identityFields,
    page_location: {
      label: 'Page Location',
      description: 'The full URL of the page.',
      type: 'string',
      default: { '@path': '$.context.page.url' }
    },
    page_referrer: {
      label: 'Page Referrer',
      description: 'The URL of the previous page.',
      type: 'string',
      default: { '@path': '$.context.page.referrer' }
    },
    page_title: {
      label: 'Page Title',
      description: 'The title of the page.',
      type: 'string',
      default: { '@path': '$.context.page.title' }
    }
  },
  perform: (request, { payload, settings }) => {
    return sendEvent(request, settings, payload, 'page_view', {
      page_location: payload.page_location,
      page_referrer: payload.page_referrer,
      page_title: payload.page_title
    })
  }
}

export default action
