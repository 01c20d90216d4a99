import type { JSONObject } from '../json-object'
import type { OAuth2ClientCredentials, RefreshAccessTokenResult } from './auth-types'

export interface AuthTokens {
  accessToken: string
  refreshToken: string
  refreshTokenUrl?: string
}

function oauthOf(settings: JSONObject | undefined): Record<string, unknown> {
  const oauth = settings !== null && typeof settings === 'object' ? settings.oauth : undefined
  return oauth !== null && typeof oauth === 'object' && !Array.isArray(oauth) ? (oauth as Record<string, unknown>) : {}
}

// The OAuth tokens the platform keeps under `settings.oauth`, in the shape actions receive as `auth`.
export function getAuthData(settings: JSONObject): AuthTokens {
  const oauth = oauthOf(settings)
  return {
    accessToken: oauth.access_token as string,
    refreshToken: oauth.refresh_token as string,
    refreshTokenUrl: oauth.refresh_token_url as string | undefined
  }
}

// The tokens plus the client credentials, as refreshAccessToken receives them.
export function getOAuth2Data(settings: JSONObject): OAuth2ClientCredentials {
  const oauth = oauthOf(settings)
  return {
    accessToken: oauth.access_token as string,
    refreshToken: oauth.refresh_token as string,
    clientId: oauth.clientId as string,
    clientSecret: oauth.clientSecret as string,
    refreshTokenUrl: oauth.refresh_token_url as string | undefined
  }
}

// Settings carrying refreshed tokens. Returns a new object: the caller's settings stay as they were.
export function updateOAuthSettings(settings: JSONObject, oauthData: RefreshAccessTokenResult): JSONObject {
  const oauth: JSONObject = { ...(oauthOf(settings) as JSONObject), access_token: oauthData.accessToken }
  if (oauthData.refreshToken) oauth.refresh_token = oauthData.refreshToken
  return { ...settings, oauth }
}
