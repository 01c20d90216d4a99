import type { DestinationDefinition } from '@action-destinations/core'
import type { Settings } from './generated-types'

const destination: DestinationDefinition<Settings> = {
  name: {{nameString}},
  slug: {{slugString}},
  mode: 'cloud',
  description: {{descriptionString}},
  authentication: {
    scheme: 'oauth2',
    fields: {},
    testAuthentication: (request) => {
      // Return a request that succeeds only with a valid access token, for example:
      // return request('https://api.example.com/v1/me')
      void request
      // Until then, testing credentials fails rather than reporting them valid.
      throw new Error(
        'testAuthentication is not written yet: edit {{folder}}/index.ts to request an endpoint that succeeds only with valid credentials'
      )
    },
    refreshAccessToken: async (request, { auth }) => {
      // Exchange the refresh token for a new access token at the partner's token endpoint:
      // const res = await request('https://api.example.com/oauth/token', {
      //   method: 'POST',
      //   body: new URLSearchParams({
      //     refresh_token: auth.refreshToken,
      //     client_id: auth.clientId,
      //     client_secret: auth.clientSecret,
      //     grant_type: 'refresh_token'
      //   })
      // })
      // return { accessToken: res.data.access_token }
      void request
      return { accessToken: auth.accessToken }
    }
  },
  extendRequest({ auth }) {
    return {
      headers: { authorization: `Bearer ${auth?.accessToken}` }
    }
  },
  actions: {}
}

export default destination
