import type { JSONObject } from '../json-object'
import { InvalidAuthenticationError, CustomErrorCodes } from '../errors'
import { getOAuth2Data } from './parse-settings'
import type { AuthenticationScheme, OAuth2ClientCredentials, RefreshAccessTokenResult } from './auth-types'
import type { OnEventOptions } from './destination-types'
import type { PreparedSettings } from './settings/prepared-settings'

// An expired OAuth token (a 401) refreshed, and the call that hit it tried again with the new one.

// Per onEvent / onBatch call: one token refresh shared by every subscription that hits a 401.
export interface CallState {
  refreshed?: Promise<PreparedSettings>
}

// The destination's public refresh step, called through the object so a subclass's override is used.
export interface AccessTokenRefresher<Settings> {
  refreshAccessToken(
    settings: Settings,
    oauthData: OAuth2ClientCredentials,
    synchronizeRefreshAccessToken?: () => Promise<void>
  ): Promise<RefreshAccessTokenResult | undefined>
}

/** Whether the error is a 401 that a token refresh may cure (OAuth schemes only). */
export function isAuthRefreshable<Settings>(
  authentication: AuthenticationScheme<Settings> | undefined,
  error: unknown
): boolean {
  const scheme = authentication?.scheme
  if (scheme !== 'oauth2' && scheme !== 'oauth-managed') return false
  const err = error as { status?: unknown; response?: { status?: unknown } } | null | undefined
  return err?.status === 401 || err?.response?.status === 401
}

/** Refreshes the access token and hands it to `options.onTokenRefresh`. */
export async function refreshTokenAndGetNewToken<Settings>(
  destination: AccessTokenRefresher<Settings>,
  settings: JSONObject,
  options?: OnEventOptions
): Promise<RefreshAccessTokenResult> {
  const tokens = await destination.refreshAccessToken(
    settings as unknown as Settings,
    getOAuth2Data(settings),
    options?.synchronizeRefreshAccessToken
  )
  if (!tokens?.accessToken) {
    throw new InvalidAuthenticationError('Failed to refresh access token', CustomErrorCodes.OAUTH_REFRESH_FAILED)
  }
  if (options?.onTokenRefresh) await options.onTokenRefresh(tokens)
  return tokens
}

/** Refreshes the token once per call (`state`) and prepares the settings that carry it. */
export function refreshedOnce(
  state: CallState,
  refresh: () => Promise<JSONObject>,
  prepare: (settings: JSONObject) => PreparedSettings
): Promise<PreparedSettings> {
  state.refreshed ??= refresh().then(prepare)
  return state.refreshed
}
