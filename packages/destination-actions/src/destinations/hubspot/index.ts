import type { DestinationDefinition } from '@action-destinations/core'
import type { Settings } from './generated-types'
import { callVendor } from '../../lib/map-http-error'
import { HUBSPOT_BASE_URL, TOKEN_URL, VENDOR } from './api'
import upsertContact from './upsertContact'
import upsertCompany from './upsertCompany'
import sendCustomBehavioralEvent from './sendCustomBehavioralEvent'

interface TokenResponse {
  access_token: string
  refresh_token?: string
  expires_in?: number
}

const destination: DestinationDefinition<Settings> = {
  name: 'HubSpot Cloud Mode (Actions)',
  slug: 'actions-hubspot-cloud',
  mode: 'cloud',
  description: 'Upsert contacts and companies and send custom behavioral events to HubSpot.',
  authentication: {
    scheme: 'oauth2',
    fields: {},
    testAuthentication: (request) => {
      return callVendor(
        VENDOR,
        request(`${HUBSPOT_BASE_URL}/crm/v3/objects/contacts`, { method: 'get', searchParams: { limit: 1 } })
      )
    },
    refreshAccessToken: async (request, { auth }) => {
      const response = await callVendor(
        VENDOR,
        request<TokenResponse>(TOKEN_URL, {
          method: 'post',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            grant_type: 'refresh_token',
            client_id: auth.clientId,
            client_secret: auth.clientSecret,
            refresh_token: auth.refreshToken
          }).toString()
        })
      )
      return { accessToken: response.data.access_token, refreshToken: response.data.refresh_token }
    }
  },
  extendRequest: ({ auth }) => ({
    headers: { Authorization: `Bearer ${auth?.accessToken}` }
  }),
  actions: {
    upsertContact,
    upsertCompany,
    sendCustomBehavioralEvent
  }
}

export default destination
