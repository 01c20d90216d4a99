import type { JSONObject } from '../json-object'
import { IntegrationError } from '../errors'
import { getAuthData } from './parse-settings'
import { makeRequestClient, NOT_RECORDED } from './make-request-client'
import type {
  AuthenticationScheme,
  OAuth2Authentication,
  OAuth2ClientCredentials,
  RefreshAccessTokenResult
} from './auth-types'
import type { ExecuteInput, RequestExtension } from './types'
import { stripReserved } from './settings/destination-settings'

// The definition's own credential calls: testAuthentication and refreshAccessToken.

/* eslint-disable @typescript-eslint/no-explicit-any -- extendRequest's generic default mirrors the reference */

/**
 * Runs the definition's testAuthentication (if any) with settings already validated.
 * Its failures are reported as `Credentials are invalid: <status> <message>`.
 */
export async function testCredentials<Settings>(
  authentication: AuthenticationScheme<Settings> | undefined,
  extendRequest: RequestExtension<Settings, any> | undefined,
  destinationSettings: JSONObject,
  source: JSONObject
): Promise<void> {
  const auth = getAuthData(source)
  const testAuthentication = authentication?.testAuthentication
  if (typeof testAuthentication !== 'function') return
  const data = { settings: destinationSettings, auth, payload: undefined } as unknown as ExecuteInput<Settings, unknown>
  try {
    await testAuthentication(makeRequestClient(extendRequest, data, NOT_RECORDED), {
      settings: destinationSettings as unknown as Settings,
      auth
    })
  } catch (error) {
    const err = (error ?? {}) as { message?: unknown; response?: { status?: unknown } }
    const status = err.response?.status ?? ''
    const message = typeof err.message === 'string' ? err.message : String(error)
    throw new Error(`Credentials are invalid: ${String(status)} ${message}`)
  }
}

/** Runs the definition's refreshAccessToken (501 for schemes other than OAuth; undefined without one). */
export async function requestAccessToken<Settings>(
  authentication: AuthenticationScheme<Settings> | undefined,
  extendRequest: RequestExtension<Settings, any> | undefined,
  settings: Settings,
  oauthData: OAuth2ClientCredentials,
  synchronizeRefreshAccessToken?: () => Promise<void>
): Promise<RefreshAccessTokenResult | undefined> {
  const scheme = authentication?.scheme
  if (scheme !== 'oauth2' && scheme !== 'oauth-managed') {
    throw new IntegrationError(
      'refreshAccessToken is only valid with oauth2 authentication scheme',
      'NotImplemented',
      501
    )
  }
  const refresh = (authentication as OAuth2Authentication<Settings>).refreshAccessToken
  if (typeof refresh !== 'function') return undefined
  if (synchronizeRefreshAccessToken) await synchronizeRefreshAccessToken()
  const destinationSettings = stripReserved(settings as unknown as JSONObject) as unknown as Settings
  const data = { settings: destinationSettings, auth: oauthData, payload: undefined } as unknown as ExecuteInput<
    Settings,
    unknown
  >
  return refresh(makeRequestClient(extendRequest, data, NOT_RECORDED), {
    settings: destinationSettings,
    auth: oauthData
  })
}
