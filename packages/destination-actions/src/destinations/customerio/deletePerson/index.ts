import type { ActionDefinition } from '@action-destinations/core'
import type { Settings } from '../generated-types'
import type { Payload } from './generated-types'
import { callVendor } from '../../../lib/map-http-error'
import { customerUrl } from '../regions'

const action: ActionDefinition<Settings, Payload> = {
  title: 'Delete Person',
  description: 'Delete a person and their data from Customer.io.',
  defaultSubscription: 'event = "User Deleted"',
  fields: {
    id: {
      label: 'Person ID',
      description: 'The identifier of the person to delete.',
      type: 'string',
      required: true,
      default: { '@path': '$.userId' }
    }
  },
  perform: (request, { payload, settings }) => {
    return callVendor('Customer.io', request(customerUrl(settings.accountRegion, payload.id), { method: 'delete' }))
  }
}

export default action
