import type { ActionDefinition } from '@action-destinations/core'
import type { Settings } from '../generated-types'
import type { Payload } from './generated-types'
import { callVendor } from '../../../lib/map-http-error'
import { HUBSPOT_BASE_URL, VENDOR } from '../api'
import { cleanProperties } from '../clean-properties'
import { listWritableProperties } from '../dynamic-choices'

const trait = (key: string) => ({ '@path': `$.traits.${key}` })

const action: ActionDefinition<Settings, Payload> = {
  title: 'Upsert Contact',
  description: 'Create a HubSpot contact, or update the one with the same email address.',
  defaultSubscription: 'type = "identify"',
  fields: {
    email: {
      label: 'Email',
      description: 'The contact’s email address; the contact is matched on it.',
      type: 'string',
      format: 'email',
      required: true,
      default: {
        '@if': { exists: trait('email'), then: trait('email'), else: { '@path': '$.properties.email' } }
      }
    },
    firstname: {
      label: 'First Name',
      description: 'The contact’s first name.',
      type: 'string',
      default: trait('first_name')
    },
    lastname: {
      label: 'Last Name',
      description: 'The contact’s last name.',
      type: 'string',
      default: trait('last_name')
    },
    phone: { label: 'Phone', description: 'The contact’s phone number.', type: 'string', default: trait('phone') },
    company: {
      label: 'Company Name',
      description: 'The contact’s company.',
      type: 'string',
      default: trait('company.name')
    },
    website: { label: 'Website', description: 'The contact’s website.', type: 'string', default: trait('website') },
    city: { label: 'City', description: 'The contact’s city.', type: 'string', default: trait('address.city') },
    state: {
      label: 'State',
      description: 'The contact’s state or region.',
      type: 'string',
      default: trait('address.state')
    },
    country: {
      label: 'Country',
      description: 'The contact’s country.',
      type: 'string',
      default: trait('address.country')
    },
    zip: {
      label: 'Postal Code',
      description: 'The contact’s postal code.',
      type: 'string',
      default: trait('address.postal_code')
    },
    lifecyclestage: {
      label: 'Lifecycle Stage',
      description: 'The contact’s lifecycle stage, e.g. "lead" or "customer".',
      type: 'string'
    },
    properties: {
      label: 'Other Properties',
      description: 'Any other contact properties, by HubSpot internal property name.',
      type: 'object',
      defaultObjectUI: 'keyvalue:only',
      dynamic: true
    }
  },
  dynamicFields: {
    properties: {
      __keys__: (request) => listWritableProperties(request, 'contacts')
    }
  },
  perform: (request, { payload }) => {
    const { properties, ...standard } = payload
    return callVendor(
      VENDOR,
      request(`${HUBSPOT_BASE_URL}/crm/v3/objects/contacts/batch/upsert`, {
        method: 'post',
        json: {
          inputs: [
            {
              idProperty: 'email',
              id: payload.email,
              properties: cleanProperties({ ...(properties ?? {}), ...standard })
            }
          ]
        }
      })
    )
  }
}

export default action
