import type { ActionDefinition } from '@action-destinations/core'
import type { Settings } from '../generated-types'
import type { Payload } from './generated-types'
import { callVendor } from '../../../lib/map-http-error'
import { apiHost } from '../regions'

const action: ActionDefinition<Settings, Payload> = {
  title: 'Alias',
  description: 'Create an alias so that events sent with the alias are attributed to the distinct ID ($create_alias).',
  defaultSubscription: 'type = "alias"',
  fields: {
    distinct_id: {
      label: 'Distinct ID',
      description: 'The existing identity.',
      type: 'string',
      required: true,
      default: { '@path': '$.previousId' }
    },
    alias: {
      label: 'Alias',
      description: 'The new identity that will point to the distinct ID.',
      type: 'string',
      required: true,
      default: { '@path': '$.userId' }
    }
  },
  perform: (request, { payload, settings }) => {
    // $create_alias is only accepted by the Track API, which takes the event as JSON in a "data" form field.
    const data = JSON.stringify({
      event: '$create_alias',
      properties: { distinct_id: payload.distinct_id, alias: payload.alias, token: settings.projectToken }
    })
    return callVendor(
      'Mixpanel',
      request(`${apiHost(settings.apiRegion)}/track`, {
        method: 'post',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ data, verbose: '1' }).toString()
      })
    )
  }
}

export default action
