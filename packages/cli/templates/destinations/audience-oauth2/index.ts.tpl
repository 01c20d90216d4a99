import type { AudienceDestinationDefinition } from '@action-destinations/core'
import type { AudienceSettings, Settings } from './generated-types'

const destination: AudienceDestinationDefinition<Settings, AudienceSettings> = {
  name: {{nameString}},
  slug: {{slugString}},
  mode: 'cloud',
  description: {{descriptionString}},
  authentication: {
    scheme: 'oauth2',
    fields: {},
    testAuthentication: (request) => {
      // Return a request that succeeds only with a valid access token.
      void request
      // Until then, testing credentials fails rather than reporting them valid.
      throw new Error(
        'testAuthentication is not written yet: edit {{folder}}/index.ts to request an endpoint that succeeds only with valid credentials'
      )
    },
    refreshAccessToken: async (request, { auth }) => {
      // Exchange the refresh token for a new access token at the partner's token endpoint.
      void request
      return { accessToken: auth.accessToken }
    }
  },
  extendRequest({ auth }) {
    return {
      headers: { authorization: `Bearer ${auth?.accessToken}` }
    }
  },
  audienceFields: {
    audienceDescription: {
      label: 'Audience Description',
      description: 'A description of the audience, shown in the partner tool.',
      type: 'string'
    }
  },
  audienceConfig: {
    mode: {
      type: 'synced',
      full_audience_sync: false
    },
    async createAudience(request, createAudienceInput) {
      // Create the audience in the partner tool and return its id, for example:
      // const res = await request('https://api.example.com/audiences', { method: 'POST', json: { name: createAudienceInput.audienceName } })
      void request
      return { externalId: createAudienceInput.audienceName }
    },
    async getAudience(request, getAudienceInput) {
      // Look the audience up in the partner tool and return its id.
      void request
      return { externalId: getAudienceInput.externalId }
    }
  },
  actions: {}
}

export default destination
