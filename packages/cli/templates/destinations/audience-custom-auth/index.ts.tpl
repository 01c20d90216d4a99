import type { AudienceDestinationDefinition } from '@action-destinations/core'
import type { AudienceSettings, Settings } from './generated-types'

const destination: AudienceDestinationDefinition<Settings, AudienceSettings> = {
  name: {{nameString}},
  slug: {{slugString}},
  mode: 'cloud',
  description: {{descriptionString}},
  authentication: {
    scheme: 'custom',
    fields: {
      apiKey: {
        label: 'API Key',
        description: 'Your API key, found in the account settings of the partner tool.',
        type: 'password',
        required: true
      }
    },
    testAuthentication: (request) => {
      // Return a request that succeeds only with valid credentials.
      void request
      // Until then, testing credentials fails rather than reporting them valid.
      throw new Error(
        'testAuthentication is not written yet: edit {{folder}}/index.ts to request an endpoint that succeeds only with valid credentials'
      )
    }
  },
  extendRequest: ({ settings }) => {
    return {
      headers: { Authorization: `Bearer ${settings.apiKey}` }
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
