import type { ActionDefinition } from '@action-destinations/core'
import type { Settings } from '../generated-types'
import type { Payload } from './generated-types'
import { callVendor } from '../../../lib/map-http-error'
import { eventRequest } from '../event-body'

const action: ActionDefinition<Settings, Payload> = {
  title: 'Track Page View',
  description: 'Record a page view for a person (or an anonymous visitor) in Customer.io.',
  defaultSubscription: 'type = "page"',
  fields: {
    id: {
      label: 'Person ID',
      description: 'The identifier of the person.',
      type: 'string',
      default: { '@path': '$.userId' }
    },
    anonymous_id: {
      label: 'Anonymous ID',
      description: 'Used when the person is not known yet.',
      type: 'string',
      default: { '@path': '$.anonymousId' }
    },
    url: {
      label: 'Page URL',
      description: 'The URL of the page; Customer.io names page views by URL.',
      type: 'string',
      required: true,
      default: { '@path': '$.context.page.url' }
    },
    timestamp: {
      label: 'Timestamp',
      description: 'When the page was viewed.',
      type: 'datetime',
      default: { '@path': '$.timestamp' }
    },
    data: {
      label: 'Page Attributes',
      description: 'Attributes of the page view.',
      type: 'object',
      default: { '@path': '$.properties' }
    }
  },
  perform: (request, { payload, settings }) => {
    const { url, body } = eventRequest(settings.accountRegion, { ...payload, name: payload.url, type: 'page' })
    return callVendor('Customer.io', request(url, { method: 'post', json: body }))
  }
}

export default action
