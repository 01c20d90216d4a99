import type { DestinationDefinition } from '@action-destinations/core'
import type { Settings } from './generated-types'

const destination: DestinationDefinition<Settings> = {
  name: {{nameString}},
  slug: {{slugString}},
  mode: 'cloud',
  description: {{descriptionString}},
  authentication: {
    scheme: 'basic',
    fields: {
      username: {
        label: 'Username',
        description: 'Your username in the partner tool.',
        type: 'string',
        required: true
      },
      password: {
        label: 'Password',
        description: 'Your password in the partner tool.',
        type: 'password',
        required: true
      }
    },
    testAuthentication: (request) => {
      // Return a request that succeeds only with valid credentials, for example:
      // return request('https://api.example.com/v1/me')
      void request
      // Until then, testing credentials fails rather than reporting them valid.
      throw new Error(
        'testAuthentication is not written yet: edit {{folder}}/index.ts to request an endpoint that succeeds only with valid credentials'
      )
    }
  },
  extendRequest: ({ settings }) => {
    return {
      username: settings.username,
      password: settings.password
    }
  },
  actions: {}
}

export default destination
