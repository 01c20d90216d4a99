import { IntegrationError } from '@action-destinations/core'
import type { ActionDefinition } from '@action-destinations/core'
import type { Settings } from '../generated-types'
import type { Payload } from './generated-types'
import { callVendor } from '../../../lib/map-http-error'
import { HUBSPOT_BASE_URL, VENDOR } from '../api'
import { cleanProperties } from '../clean-properties'
import { listWritableProperties } from '../dynamic-choices'

const COMPANIES_URL = `${HUBSPOT_BASE_URL}/crm/v3/objects/companies`

interface SearchResponse {
  total?: number
  results?: Array<{ id: string }>
}

const action: ActionDefinition<Settings, Payload> = {
  title: 'Upsert Company',
  description: 'Create a HubSpot company, or update the one with the same domain.',
  defaultSubscription: 'type = "group"',
  fields: {
    domain: {
      label: 'Company Domain',
      description: 'The company’s domain name; the company is matched on it.',
      type: 'string',
      required: true,
      default: { '@path': '$.traits.website' }
    },
    name: { label: 'Name', description: 'The company’s name.', type: 'string', default: { '@path': '$.traits.name' } },
    industry: {
      label: 'Industry',
      description: 'The company’s industry.',
      type: 'string',
      default: { '@path': '$.traits.industry' }
    },
    numberofemployees: {
      label: 'Number of Employees',
      description: 'How many people the company employs.',
      type: 'integer',
      default: { '@path': '$.traits.employees' }
    },
    properties: {
      label: 'Other Properties',
      description: 'Any other company properties, by HubSpot internal property name.',
      type: 'object',
      defaultObjectUI: 'keyvalue:only',
      dynamic: true
    }
  },
  dynamicFields: {
    properties: {
      __keys__: (request) => listWritableProperties(request, 'companies')
    }
  },
  perform: async (request, { payload }) => {
    // Domains are not unique in HubSpot, so look the company up first and refuse to guess between matches.
    const domain = payload.domain.trim().toLowerCase()
    const search = await callVendor(
      VENDOR,
      request<SearchResponse>(`${COMPANIES_URL}/search`, {
        method: 'post',
        json: {
          filterGroups: [{ filters: [{ propertyName: 'domain', operator: 'EQ', value: domain }] }],
          properties: ['domain'],
          limit: 2
        }
      })
    )
    const matches = search.data?.results ?? []
    if (matches.length > 1) {
      throw new IntegrationError(
        `HubSpot has several companies with domain "${domain}"; merge them before upserting`,
        'MULTIPLE_EXISTING_RECORDS',
        400
      )
    }
    const { properties, ...standard } = payload
    const body = { properties: cleanProperties({ ...(properties ?? {}), ...standard, domain }) }
    if (matches.length === 1) {
      return callVendor(
        VENDOR,
        request(`${COMPANIES_URL}/${encodeURIComponent(matches[0].id)}`, { method: 'patch', json: body })
      )
    }
    return callVendor(VENDOR, request(COMPANIES_URL, { method: 'post', json: body }))
  }
}

export default action
