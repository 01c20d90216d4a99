import type { ActionDefinition } from '@action-destinations/core'
import type { Settings } from '../generated-types'
import type { Payload } from './generated-types'
import { callVendor } from '../../../lib/map-http-error'
import { customerUrl } from '../regions'
import { toUnixSeconds } from '../unix-time'

const action: ActionDefinition<Settings, Payload> = {
  title: 'Create or Update Person',
  description: 'Create a person in Customer.io or update their attributes.',
  defaultSubscription: 'type = "identify"',
  fields: {
    id: {
      label: 'Person ID',
      description: 'The identifier of the person.',
      type: 'string',
      required: true,
      default: { '@path': '$.userId' }
    },
    anonymous_id: {
      label: 'Anonymous ID',
      description: 'An anonymous identifier; Customer.io merges its anonymous activity into the person.',
      type: 'string',
      default: { '@path': '$.anonymousId' }
    },
    email: {
      label: 'Email Address',
      description: "The person's email address.",
      type: 'string',
      format: 'email',
      default: { '@path': '$.traits.email' }
    },
    created_at: {
      label: 'Created At',
      description: 'When the person was created; sent as a Unix timestamp.',
      type: 'datetime',
      default: { '@path': '$.traits.createdAt' }
    },
    custom_attributes: {
      label: 'Person Attributes',
      description: 'Attributes of the person.',
      type: 'object',
      default: { '@path': '$.traits' }
    }
  },
  perform: (request, { payload, settings }) => {
    const { createdAt: _ignored, ...attributes } = (payload.custom_attributes ?? {}) as Record<string, unknown>
    const body: Record<string, unknown> = { ...attributes }
    if (payload.email) body.email = payload.email
    if (payload.anonymous_id) body.anonymous_id = payload.anonymous_id
    const createdAt = toUnixSeconds(payload.created_at, 'created_at')
    if (createdAt !== undefined) body.created_at = createdAt
    return callVendor(
      'Customer.io',
      request(customerUrl(settings.accountRegion, payload.id), { method: 'put', json: body })
    )
  }
}

export default action
