// What the worker keeps per destination instance while its configuration is unchanged: one core
// Destination, the settings each subscription is sent with (built once, so core's per-settings
// caches hit), batch plans and the secret values to hide from the attempts log.
import { Destination } from '@action-destinations/core'
import type { DestinationDefinition, JSONObject, RefreshAccessTokenResult } from '@action-destinations/core'
import type { Logger } from 'pino'
import type { DestinationRegistry } from '../config/registry'
import type { DestinationInstanceConfig, SubscriptionConfig } from '../config/types'
import type { Store } from '../store/store'
import { batchPlanFor } from '../route/batch-plan'
import type { BatchPlan } from '../route/batch-plan'
import { withResponseCapture } from './capture'
import { secretValuesOf } from './redact'

export interface SubscriptionRuntime {
  config: SubscriptionConfig
  plan: BatchPlan
  /** The instance's settings plus `subscription`, as onEvent / onBatch take them. */
  settings: JSONObject
}

export interface InstanceRuntime {
  name: string
  config: DestinationInstanceConfig
  /** JSON of the configuration it was built from: a different one means rebuild. */
  signature: string
  /** Undefined when the registry has no such destination or its definition does not load. */
  destination?: Destination<unknown>
  /** Why there is no destination. */
  problem?: string
  definition?: DestinationDefinition<unknown>
  settings: Record<string, unknown>
  subscriptions: Map<string, SubscriptionRuntime>
  secrets: string[]
}

function subscriptionSettings(settings: Record<string, unknown>, subscription: SubscriptionConfig): JSONObject {
  return {
    ...settings,
    subscription: {
      name: subscription.name,
      enabled: subscription.enabled,
      subscribe: subscription.subscribe,
      partnerAction: subscription.partnerAction,
      mapping: subscription.mapping
    }
  } as JSONObject
}

function buildSubscriptions(runtime: InstanceRuntime): void {
  runtime.subscriptions.clear()
  for (const subscription of runtime.config.subscriptions) {
    const action = runtime.definition?.actions[subscription.partnerAction]
    runtime.subscriptions.set(subscription.id ?? subscription.name, {
      config: subscription,
      plan: batchPlanFor(action, subscription.mapping),
      settings: subscriptionSettings(runtime.settings, subscription)
    })
  }
  runtime.secrets = secretValuesOf(runtime.definition, runtime.settings)
}

type OAuthScheme = {
  scheme: string
  refreshAccessToken?: (request: never, input: { auth?: { accessToken?: string } }) => Promise<RefreshAccessTokenResult>
}

/**
 * The definition with one token refresh at a time per instance: calls that hit a 401 together
 * share one refresh, and a call still holding a token that was already replaced gets the new one
 * without another request.
 */
function withSharedRefresh(definition: DestinationDefinition<unknown>): DestinationDefinition<unknown> {
  const auth = definition.authentication as OAuthScheme | undefined
  const refresh = auth?.refreshAccessToken
  if (!auth || (auth.scheme !== 'oauth2' && auth.scheme !== 'oauth-managed') || typeof refresh !== 'function') {
    return definition
  }
  let pending: Promise<RefreshAccessTokenResult> | undefined
  let last: { replaced: string | undefined; result: RefreshAccessTokenResult } | undefined
  const shared: OAuthScheme['refreshAccessToken'] = (request, input) => {
    const current = input?.auth?.accessToken
    if (last && last.replaced === current) return Promise.resolve(last.result)
    pending ??= Promise.resolve(refresh(request, input))
      .then((result) => {
        last = { replaced: current, result }
        return result
      })
      .finally(() => {
        pending = undefined
      })
    return pending
  }
  return {
    ...definition,
    authentication: { ...auth, refreshAccessToken: shared }
  } as unknown as DestinationDefinition<unknown>
}

export function buildInstanceRuntime(
  config: DestinationInstanceConfig,
  registry: DestinationRegistry,
  signature: string
): InstanceRuntime {
  const definition = registry.find(config.destination)?.definition as DestinationDefinition<unknown> | undefined
  let destination: Destination<unknown> | undefined
  let problem: string | undefined
  if (!definition) problem = `destination "${config.destination}" is not in the registry`
  else {
    try {
      destination = new Destination<unknown>(withResponseCapture(withSharedRefresh(definition)))
    } catch (error) {
      problem = `destination "${config.destination}" does not load: ${error instanceof Error ? error.message : String(error)}`
    }
  }
  const runtime: InstanceRuntime = {
    name: config.name,
    config,
    signature,
    destination,
    problem,
    definition,
    settings: { ...config.settings },
    subscriptions: new Map(),
    secrets: []
  }
  buildSubscriptions(runtime)
  return runtime
}

/** The settings patch that stores refreshed OAuth tokens (the whole `oauth` object: the store merges shallowly). */
export function oauthPatch(
  settings: Record<string, unknown>,
  tokens: RefreshAccessTokenResult
): Record<string, unknown> {
  const current = settings.oauth
  const oauth: Record<string, unknown> = {
    ...(current !== null && typeof current === 'object' && !Array.isArray(current) ? current : {}),
    access_token: tokens.accessToken
  }
  if (tokens.refreshToken) oauth.refresh_token = tokens.refreshToken
  return { oauth }
}

/** Applies refreshed tokens in memory, so the next delivery uses them without another refresh. */
export function applySettingsPatch(runtime: InstanceRuntime, patch: Record<string, unknown>): void {
  runtime.settings = { ...runtime.settings, ...patch }
  runtime.config = { ...runtime.config, settings: runtime.settings }
  // The store will hand back this configuration: recognise it as unchanged.
  runtime.signature = signatureOf(runtime.config)
  buildSubscriptions(runtime)
}

export function signatureOf(config: DestinationInstanceConfig): string {
  return JSON.stringify(config)
}

/** Refreshed OAuth tokens: used at once in memory, and stored for other processes and restarts. */
export async function storeRefreshedTokens(
  runtime: InstanceRuntime,
  tokens: RefreshAccessTokenResult,
  store: Store,
  logger: Logger
): Promise<void> {
  const oauth = runtime.settings.oauth as { access_token?: unknown } | undefined
  // Calls that shared one refresh each report it: the first one stores it.
  if (oauth?.access_token === tokens.accessToken) return
  const patch = oauthPatch(runtime.settings, tokens)
  applySettingsPatch(runtime, patch)
  try {
    await store.updateInstanceSettings(runtime.name, patch)
  } catch (error) {
    logger.error({ err: error, instance: runtime.name }, 'delivery: storing refreshed tokens failed')
  }
}
