import type { AuthTokens } from './parse-settings'
import type { GlobalSetting } from './types'
import type { RequestClient } from './request-client-type'

export interface OAuth2ClientCredentials extends AuthTokens {
  clientId: string
  clientSecret: string
}

export interface RefreshAccessTokenResult {
  accessToken: string
  refreshToken?: string
}

interface AuthSettings<Settings> {
  settings: Settings
  auth: AuthTokens
}

interface RefreshAuthSettings<Settings> {
  settings: Settings
  auth: OAuth2ClientCredentials
}

interface Authentication<Settings> {
  scheme: 'basic' | 'custom' | 'oauth2' | 'oauth-managed'
  fields: Record<string, GlobalSetting>
  testAuthentication?: (request: RequestClient, input: AuthSettings<Settings>) => Promise<unknown> | unknown
}

export interface CustomAuthentication<Settings> extends Authentication<Settings> {
  scheme: 'custom'
}

export interface BasicAuthentication<Settings> extends Authentication<Settings> {
  scheme: 'basic'
}

export interface OAuth2Authentication<Settings> extends Authentication<Settings> {
  scheme: 'oauth2'
  refreshAccessToken?: (
    request: RequestClient,
    input: RefreshAuthSettings<Settings>
  ) => Promise<RefreshAccessTokenResult>
}

export interface OAuthManagedAuthentication<Settings> extends Authentication<Settings> {
  scheme: 'oauth-managed'
  refreshAccessToken?: (
    request: RequestClient,
    input: RefreshAuthSettings<Settings>
  ) => Promise<RefreshAccessTokenResult>
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- same default as the reference
export type AuthenticationScheme<Settings = any> =
  | BasicAuthentication<Settings>
  | CustomAuthentication<Settings>
  | OAuth2Authentication<Settings>
  | OAuthManagedAuthentication<Settings>
