import type { JSONSchema4 } from 'json-schema'
import type { ValidateFunction } from 'ajv'
import { AggregateAjvError } from '@action-destinations/ajv-human-errors'
import {
  Action,
  hookTypeStrings,
  payloadValidationError,
  errorNode,
  MultiStatusResponse,
  ActionDestinationSuccessResponse,
  ActionDestinationErrorResponse
} from './action'
import type {
  ActionDefinition,
  ActionHookDefinition,
  ActionHookType,
  ActionHookResponse,
  BaseActionDefinition,
  RequestFn,
  ExecuteDynamicFieldInput
} from './action'
import { IntegrationError, InvalidAuthenticationError, CustomErrorCodes, MultiStatusErrorReporter } from '../errors'
import type { JSONLikeObject, JSONObject } from '../json-object'
import type { SegmentEvent } from '../segment-event'
import type { Features } from '../mapping-kit'
import { fieldsToJsonSchema } from './fields-to-jsonschema'
import type { MinimalInputField, MinimalFields } from './fields-to-jsonschema'
import { getValidator } from './ajv'
import { getAuthData, getOAuth2Data, updateOAuthSettings } from './parse-settings'
import type { AuthTokens } from './parse-settings'
import { prepareSubscription, subscriptionsOf } from './subscriptions'
import { matchesSnapshot, snapshotSettings } from './settings-snapshot'
import type { SettingsSnapshot } from './settings-snapshot'
import type { PreparedSubscription } from './subscriptions'
import { makeRequestClient } from './make-request-client'
import type { DecoratedResponse, ResponseRecorder } from './make-request-client'
import type { RequestClient } from './request-client-type'
import type {
  AuthenticationScheme,
  BasicAuthentication,
  CustomAuthentication,
  OAuth2Authentication,
  OAuthManagedAuthentication,
  OAuth2ClientCredentials,
  RefreshAccessTokenResult
} from './auth-types'
import type { Subscription, Preset } from './subscription-types'
import type {
  Logger,
  StatsContext,
  StatsClient,
  TransactionContext,
  StateContext,
  EngageDestinationCache,
  SubscriptionMetadata,
  Personas
} from './contexts'
import type {
  GlobalSetting,
  RequestExtension,
  ExecuteInput,
  Result,
  Deletion,
  DynamicFieldResponse,
  ResultMultiStatusNode
} from './types'
import { MAX_RESPONSE_BYTES, trimResponses } from './response-log'

export type {
  BaseActionDefinition,
  ActionDefinition,
  ActionHookDefinition,
  ActionHookResponse,
  ActionHookType,
  ExecuteInput,
  RequestFn,
  Result,
  MinimalInputField,
  AuthenticationScheme,
  BasicAuthentication,
  CustomAuthentication,
  OAuth2Authentication,
  OAuthManagedAuthentication,
  OAuth2ClientCredentials,
  RefreshAccessTokenResult,
  Subscription,
  Preset,
  Logger,
  StatsContext,
  StatsClient,
  TransactionContext,
  StateContext,
  EngageDestinationCache,
  SubscriptionMetadata,
  Personas,
  DecoratedResponse
}
export { hookTypeStrings, fieldsToJsonSchema, Action }
export { MultiStatusResponse, ActionDestinationSuccessResponse, ActionDestinationErrorResponse }

/* eslint-disable @typescript-eslint/no-explicit-any -- generic defaults mirror the reference's public types */

export interface SubscriptionStats {
  duration: number
  destination: string
  action: string
  subscribe: string
  input: JSONLikeObject
  output: Result[] | null
}

export interface BaseDefinition {
  name: string
  mode: 'cloud' | 'device' | 'warehouse'
  description?: string
  slug?: string
  actions: Record<string, BaseActionDefinition>
  presets?: Preset[]
}

export type AudienceResult = { externalId: string }

export type AudienceMode = { type: 'realtime' } | { type: 'synced'; full_audience_sync: boolean }

export type CreateAudienceInput<Settings = unknown, AudienceSettings = unknown> = {
  settings: Settings
  audienceSettings?: AudienceSettings
  personas?: Personas
  audienceName: string
  statsContext?: StatsContext
  features?: Features
}

export type GetAudienceInput<Settings = unknown, AudienceSettings = unknown> = {
  settings: Settings
  audienceSettings?: AudienceSettings
  externalId: string
  statsContext?: StatsContext
  features?: Features
}

export interface AudienceDestinationConfiguration {
  mode: AudienceMode
}

export interface AudienceDestinationConfigurationWithCreateGet<
  Settings = unknown,
  AudienceSettings = unknown
> extends AudienceDestinationConfiguration {
  createAudience(
    request: RequestClient,
    createAudienceInput: CreateAudienceInput<Settings, AudienceSettings>
  ): Promise<AudienceResult>
  getAudience(
    request: RequestClient,
    getAudienceInput: GetAudienceInput<Settings, AudienceSettings>
  ): Promise<AudienceResult>
}

export interface AudienceDestinationDefinition<
  Settings = unknown,
  AudienceSettings = unknown
> extends DestinationDefinition<Settings> {
  audienceConfig:
    AudienceDestinationConfigurationWithCreateGet<Settings, AudienceSettings> | AudienceDestinationConfiguration
  audienceFields: Record<string, GlobalSetting>
  actions: Record<string, ActionDefinition<Settings, any, AudienceSettings>>
}

export interface DestinationDefinition<Settings = unknown> extends BaseDefinition {
  mode: 'cloud'
  actions: Record<string, ActionDefinition<Settings>>
  extendRequest?: RequestExtension<Settings, any>
  authentication?: AuthenticationScheme<Settings>
  onDelete?: Deletion<Settings>
}

export interface WarehouseDestinationDefinition<Settings = unknown> extends BaseDefinition {
  mode: 'warehouse'
  actions: Record<string, ActionDefinition<Settings>>
  settings: Record<string, GlobalSetting>
  onDelete?: Deletion<Settings>
}

interface PartnerActions<Settings, Payload extends JSONLikeObject, AudienceSettings = any> {
  [key: string]: Action<Settings, Payload, AudienceSettings>
}

interface EventInput<Settings> {
  readonly event: SegmentEvent
  readonly mapping: JSONObject
  readonly settings: Settings
  readonly auth?: AuthTokens
  readonly features?: Features
  readonly statsContext?: StatsContext
  readonly logger?: Logger
  readonly engageDestinationCache?: EngageDestinationCache
  readonly transactionContext?: TransactionContext
  readonly stateContext?: StateContext
  readonly subscriptionMetadata?: SubscriptionMetadata
  readonly signal?: AbortSignal
}

interface BatchEventInput<Settings> extends Omit<EventInput<Settings>, 'event'> {
  readonly events: SegmentEvent[]
}

export interface OnEventOptions {
  onTokenRefresh?: (tokens: RefreshAccessTokenResult) => Promise<void>
  onComplete?: (stats: SubscriptionStats) => void
  features?: Features
  statsContext?: StatsContext
  logger?: Logger
  readonly engageDestinationCache?: EngageDestinationCache
  transactionContext?: TransactionContext
  stateContext?: StateContext
  synchronizeRefreshAccessToken?: () => Promise<void>
  signal?: AbortSignal
}

// Keys the platform keeps inside settings that are not settings of the destination.
// (`subcription` is a historical misspelling that is stripped too.)
const RESERVED_SETTINGS = new Set(['subscription', 'subscriptions', 'subcription', 'oauth'])
const MAX_RESPONSES = 100
// Settings prepared most recently, compared by content with new settings objects.
const RECENT_SETTINGS = 4
const DOES_NOT_MATCH = 'Payload is either invalid or does not match the subscription'

// Everything derived from one settings object, built on first use and reused while the object
// is unchanged (top-level values are compared on every call).
interface PreparedSettings {
  readonly source: JSONObject
  readonly keys: string[]
  readonly values: unknown[]
  readonly subscriptions: PreparedSubscription[]
  readonly auth: AuthTokens
  /** What the settings held when prepared, for new objects with the same content. */
  readonly snapshot: SettingsSnapshot | undefined
  validated?: JSONObject
}

// Per onEvent / onBatch call: one token refresh shared by every subscription that hits a 401.
interface CallState {
  refreshed?: Promise<PreparedSettings>
}

interface SubscriptionOutcome {
  results: Result[]
  // True when the action ran and succeeded: something may have been delivered.
  delivered: boolean
  error?: unknown
}

function cloneJsonLike(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(cloneJsonLike)
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value)) out[key] = cloneJsonLike((value as Record<string, unknown>)[key])
  return out
}

function isPlainObject(value: unknown): value is JSONObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function errorJson(error: unknown): JSONObject {
  const err = (error ?? {}) as { name?: unknown; message?: unknown; status?: unknown; code?: unknown }
  const json: JSONObject = {
    name: typeof err.name === 'string' ? err.name : 'Error',
    message: typeof err.message === 'string' ? err.message : String(error)
  }
  if (typeof err.status === 'number') json.status = err.status
  if (typeof err.code === 'string') json.code = err.code
  return json
}

// Payload validation failures reach onEvent callers as 400s.
function withValidationStatus(error: unknown): unknown {
  if (error instanceof AggregateAjvError && (error as { status?: number }).status === undefined) {
    ;(error as { status?: number }).status = 400
  }
  return error
}

function audienceSettingsOf(event: SegmentEvent | undefined): JSONObject {
  const personas = (event?.context as { personas?: { audience_settings?: unknown } } | undefined)?.personas
  const settings = personas?.audience_settings
  return isPlainObject(settings) ? settings : {}
}

function personasOf(event: SegmentEvent | undefined): Personas | undefined {
  const personas = (event?.context as { personas?: unknown } | undefined)?.personas
  return isPlainObject(personas) ? (personas as unknown as Personas) : undefined
}

// A destination definition made runnable: events in, action results out.
export class Destination<Settings = JSONObject, AudienceSettings = JSONObject> {
  readonly definition: DestinationDefinition<Settings>
  readonly name: string
  readonly authentication?: AuthenticationScheme<Settings>
  readonly extendRequest?: RequestExtension<Settings, any>
  readonly actions: PartnerActions<Settings, any, AudienceSettings>
  // The most recent responses (bounded, so a long-running process does not grow).
  readonly responses: DecoratedResponse[]
  readonly settingsSchema?: JSONSchema4
  onDelete?: (event: SegmentEvent, settings: JSONObject, options?: OnEventOptions) => Promise<Result>

  protected maxResponses = MAX_RESPONSES
  protected maxResponseBytes = MAX_RESPONSE_BYTES
  private compiledSettingsValidator?: ValidateFunction
  private readonly preparedSettings = new WeakMap<object, PreparedSettings>()
  private readonly recentSettings: PreparedSettings[] = []
  protected readonly recordResponse: ResponseRecorder

  constructor(destination: DestinationDefinition<Settings>) {
    if (destination === null || typeof destination !== 'object') {
      throw new TypeError('Destination definition must be an object')
    }
    this.definition = destination
    this.name = destination.name
    this.extendRequest = destination.extendRequest
    this.actions = {}
    this.authentication = destination.authentication
    this.responses = []
    this.recordResponse = (response) => {
      this.responses.push(response)
      trimResponses(this.responses, this.maxResponses, this.maxResponseBytes)
    }

    const fields = this.authentication?.fields
    if (fields && typeof fields === 'object') {
      this.settingsSchema = fieldsToJsonSchema(fields as MinimalFields)
    }
    if (typeof destination.onDelete === 'function') this.onDelete = (...args) => this._onDelete(...args)

    const actions = destination.actions ?? {}
    if (typeof actions !== 'object') throw new TypeError(`Destination "${this.name}": actions must be an object`)
    for (const slug of Object.keys(actions)) {
      const action = new Action<Settings, any, AudienceSettings>(this.name, actions[slug], this.extendRequest)
      action.recordResponse = this.recordResponse
      this.actions[slug] = action
    }
  }

  // Throws a 400 AggregateAjvError when the settings do not fit the authentication fields.
  // Validates a copy: the given settings are not modified.
  validateSettings(settings: Settings): void {
    this.validatedSettings(this.stripReserved(settings as unknown as JSONObject))
  }

  private stripReserved(settings: JSONObject): JSONObject {
    const out: JSONObject = {}
    if (!isPlainObject(settings)) return out
    for (const key of Object.keys(settings)) {
      if (!RESERVED_SETTINGS.has(key)) out[key] = settings[key]
    }
    return out
  }

  private validatedSettings(stripped: JSONObject): JSONObject {
    // Compiled on first use, as the reference does.
    const schema = this.settingsSchema
    const validate = schema && (this.compiledSettingsValidator ??= getValidator(schema))
    if (!validate) return stripped
    // Coercion may rewrite nested arrays, so they are copied first.
    const copy = cloneJsonLike(stripped) as JSONObject
    if (!validate(copy)) throw payloadValidationError(validate)
    return copy
  }

  private prepare(settings: JSONObject): PreparedSettings {
    if (!isPlainObject(settings)) settings = {}
    const cached = this.preparedSettings.get(settings)
    if (cached && this.unchanged(cached, settings)) return cached
    // A new object with the content of recent settings (built or parsed per event): reused
    // without a WeakMap entry per event, whose upkeep would cost the collector more than the match.
    // Only entries whose validated settings exist: those were derived in the call that took the
    // snapshot, before the caller could change the object they came from.
    const recent = this.recentSettings
    for (let i = 0; i < recent.length; i++) {
      const { snapshot, validated } = recent[i]
      if (snapshot !== undefined && validated !== undefined && matchesSnapshot(settings, snapshot)) return recent[i]
    }
    const keys = Object.keys(settings)
    const prepared: PreparedSettings = {
      source: settings,
      keys,
      values: keys.map((key) => settings[key]),
      subscriptions: subscriptionsOf(settings).map(prepareSubscription),
      auth: getAuthData(settings),
      snapshot: snapshotSettings(settings)
    }
    this.preparedSettings.set(settings, prepared)
    if (recent.length >= RECENT_SETTINGS) recent.pop()
    recent.unshift(prepared)
    return prepared
  }

  private unchanged(prepared: PreparedSettings, settings: JSONObject): boolean {
    const { keys, values } = prepared
    for (let i = 0; i < keys.length; i++) if (settings[keys[i]] !== values[i]) return false
    return true
  }

  private settingsOf(prepared: PreparedSettings): JSONObject {
    return (prepared.validated ??= this.validatedSettings(this.stripReserved(prepared.source)))
  }

  async createAudience(createAudienceInput: CreateAudienceInput<Settings, AudienceSettings>): Promise<AudienceResult> {
    const config = (this.definition as unknown as Partial<AudienceDestinationDefinition<Settings, AudienceSettings>>)
      .audienceConfig as Partial<AudienceDestinationConfigurationWithCreateGet<Settings, AudienceSettings>> | undefined
    if (!config || typeof config.createAudience !== 'function') throw new Error('Unexpected call to createAudience')
    const request = this.audienceRequest(createAudienceInput.settings, createAudienceInput.audienceSettings)
    return config.createAudience(request, createAudienceInput)
  }

  async getAudience(getAudienceInput: GetAudienceInput<Settings, AudienceSettings>): Promise<AudienceResult> {
    const config = (this.definition as unknown as Partial<AudienceDestinationDefinition<Settings, AudienceSettings>>)
      .audienceConfig as Partial<AudienceDestinationConfigurationWithCreateGet<Settings, AudienceSettings>> | undefined
    if (!config || typeof config.getAudience !== 'function') throw new Error('Unexpected call to getAudience')
    const request = this.audienceRequest(getAudienceInput.settings, getAudienceInput.audienceSettings)
    return config.getAudience(request, getAudienceInput)
  }

  private audienceRequest(settings: Settings, audienceSettings: AudienceSettings | undefined): RequestClient {
    const auth = getAuthData(settings as unknown as JSONObject)
    const data = { settings, audienceSettings, auth, payload: undefined } as ExecuteInput<Settings, unknown>
    return makeRequestClient(this.extendRequest, data, this.recordResponse)
  }

  // Validates the settings, then runs the definition's testAuthentication (if any).
  // Its failures are reported as `Credentials are invalid: <status> <message>`.
  async testAuthentication(settings: Settings): Promise<void> {
    const source = settings as unknown as JSONObject
    const destinationSettings = this.validatedSettings(this.stripReserved(source))
    const auth = getAuthData(source)
    const testAuthentication = this.authentication?.testAuthentication
    if (typeof testAuthentication !== 'function') return
    const data = { settings: destinationSettings, auth, payload: undefined } as unknown as ExecuteInput<
      Settings,
      unknown
    >
    try {
      await testAuthentication(makeRequestClient(this.extendRequest, data, this.recordResponse), {
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

  async refreshAccessToken(
    settings: Settings,
    oauthData: OAuth2ClientCredentials,
    synchronizeRefreshAccessToken?: () => Promise<void>
  ): Promise<RefreshAccessTokenResult | undefined> {
    const scheme = this.authentication?.scheme
    if (scheme !== 'oauth2' && scheme !== 'oauth-managed') {
      throw new IntegrationError(
        'refreshAccessToken is only valid with oauth2 authentication scheme',
        'NotImplemented',
        501
      )
    }
    const refresh = (this.authentication as OAuth2Authentication<Settings>).refreshAccessToken
    if (typeof refresh !== 'function') return undefined
    if (synchronizeRefreshAccessToken) await synchronizeRefreshAccessToken()
    const destinationSettings = this.stripReserved(settings as unknown as JSONObject) as unknown as Settings
    const data = { settings: destinationSettings, auth: oauthData, payload: undefined } as unknown as ExecuteInput<
      Settings,
      unknown
    >
    return refresh(makeRequestClient(this.extendRequest, data, this.recordResponse), {
      settings: destinationSettings,
      auth: oauthData
    })
  }

  protected async executeAction(
    actionSlug: string,
    input: EventInput<Settings> & { audienceSettings?: AudienceSettings; personasContext?: Personas }
  ): Promise<Result[]> {
    const action = this.ownAction(actionSlug)
    if (!action) return []
    return action.execute({
      data: input.event as never,
      mapping: input.mapping,
      settings: input.settings,
      auth: input.auth,
      features: input.features ?? {},
      statsContext: input.statsContext,
      logger: input.logger,
      engageDestinationCache: input.engageDestinationCache,
      transactionContext: input.transactionContext,
      stateContext: input.stateContext,
      subscriptionMetadata: input.subscriptionMetadata,
      signal: input.signal,
      audienceSettings: input.audienceSettings ?? (audienceSettingsOf(input.event) as unknown as AudienceSettings),
      personasContext: input.personasContext ?? personasOf(input.event)
    })
  }

  async executeBatch(actionSlug: string, input: BatchEventInput<Settings>): Promise<ResultMultiStatusNode[]> {
    const action = this.ownAction(actionSlug)
    if (!action) return []
    return action.executeBatch(this.batchBundle(input))
  }

  private batchBundle(input: BatchEventInput<Settings>) {
    const first = Array.isArray(input.events) ? input.events[0] : undefined
    return {
      data: (Array.isArray(input.events) ? input.events : []) as never[],
      mapping: input.mapping,
      settings: input.settings,
      auth: input.auth,
      features: input.features ?? {},
      statsContext: input.statsContext,
      logger: input.logger,
      engageDestinationCache: input.engageDestinationCache,
      transactionContext: input.transactionContext,
      stateContext: input.stateContext,
      subscriptionMetadata: input.subscriptionMetadata,
      signal: input.signal,
      audienceSettings: audienceSettingsOf(first) as unknown as AudienceSettings,
      personasContext: personasOf(first)
    }
  }

  async executeDynamicField(
    actionSlug: string,
    fieldKey: string,
    data: ExecuteDynamicFieldInput<Settings, object>,
    dynamicFn?: RequestFn<Settings, any, DynamicFieldResponse, AudienceSettings>
  ): Promise<never[] | DynamicFieldResponse> {
    const action = this.ownAction(actionSlug)
    if (!action) return []
    return action.executeDynamicField(fieldKey, data as ExecuteDynamicFieldInput<Settings, any>, dynamicFn)
  }

  private ownAction(slug: string): Action<Settings, any, AudienceSettings> | undefined {
    return typeof slug === 'string' && Object.prototype.hasOwnProperty.call(this.actions, slug)
      ? this.actions[slug]
      : undefined
  }

  // Runs every subscription of `settings` that matches `event`. With one subscription, its
  // error rejects the call (as in the reference). With several, the call rejects only when no
  // subscription delivered anything; otherwise a failing one reports `{ error }` in its place.
  async onEvent(event: SegmentEvent, settings: JSONObject, options?: OnEventOptions): Promise<Result[]> {
    const prepared = this.prepare(settings)
    const subscriptions = prepared.subscriptions
    const state: CallState = {}
    if (subscriptions.length === 1) {
      const outcome = this.onSubscription(subscriptions[0], event, prepared, state, options)
      return (outcome instanceof Promise ? await outcome : outcome).results
    }
    return this.combine(
      await Promise.all(
        subscriptions.map((subscription) =>
          new Promise<SubscriptionOutcome>((resolve) =>
            resolve(this.onSubscription(subscription, event, prepared, state, options))
          ).catch((error: unknown): SubscriptionOutcome => ({
            results: [{ error: errorJson(error) }],
            delivered: false,
            error
          }))
        )
      )
    )
  }

  // Like onEvent for a list of events: one `{ multistatus }` per subscription, one node per event
  // in input order. Events the subscription does not match get a 400 node.
  async onBatch(events: SegmentEvent[], settings: JSONObject, options?: OnEventOptions): Promise<Result[]> {
    const list = Array.isArray(events) ? events : []
    const prepared = this.prepare(settings)
    const subscriptions = prepared.subscriptions
    const state: CallState = {}
    if (subscriptions.length === 1) {
      const outcome = await this.onBatchSubscription(subscriptions[0], list, prepared, state, options)
      if (outcome.error !== undefined) throw outcome.error
      return outcome.results
    }
    return this.combine(
      await Promise.all(
        subscriptions.map((subscription) =>
          this.onBatchSubscription(subscription, list, prepared, state, options).catch(
            (error: unknown): SubscriptionOutcome => ({
              results: [{ error: errorJson(error) }],
              delivered: false,
              error
            })
          )
        )
      )
    )
  }

  private combine(outcomes: SubscriptionOutcome[]): Result[] {
    const failed = outcomes.find((outcome) => outcome.error !== undefined)
    if (failed && !outcomes.some((outcome) => outcome.delivered)) throw failed.error
    const results: Result[] = []
    for (const outcome of outcomes) for (const result of outcome.results) results.push(result)
    return results
  }

  // Synchronous when the action's perform is: a promise only where something is awaited.
  private onSubscription(
    subscription: PreparedSubscription,
    event: SegmentEvent,
    prepared: PreparedSettings,
    state: CallState,
    options: OnEventOptions | undefined
  ): SubscriptionOutcome | Promise<SubscriptionOutcome> {
    const action = this.ownAction(subscription.partnerAction)
    if (!action) return { results: [], delivered: false }
    if (subscription.invalid !== undefined) return { results: [{ output: subscription.invalid }], delivered: false }
    if (!subscription.matches(event)) return { results: [{ output: 'not subscribed' }], delivered: false }

    const run = (current: PreparedSettings) =>
      action.executeNow({
        data: event as never,
        mapping: subscription.mapping,
        settings: this.settingsOf(current) as unknown as Settings,
        auth: current.auth,
        features: options?.features ?? {},
        statsContext: options?.statsContext,
        logger: options?.logger,
        engageDestinationCache: options?.engageDestinationCache,
        transactionContext: options?.transactionContext,
        stateContext: options?.stateContext,
        subscriptionMetadata: subscription.metadata,
        signal: options?.signal,
        audienceSettings: audienceSettingsOf(event) as unknown as AudienceSettings,
        personasContext: personasOf(event)
      })

    const delivered = (results: Result[]): SubscriptionOutcome => {
      options?.onComplete?.(this.stats(subscription, event, results))
      return { results, delivered: true }
    }
    const retry = async (error: unknown): Promise<SubscriptionOutcome> => {
      if (!this.isAuthRefreshable(error)) throw withValidationStatus(error)
      const results = await Promise.resolve(run(await this.refreshed(prepared, state, options))).catch(
        (retryError: unknown) => {
          throw withValidationStatus(retryError)
        }
      )
      return delivered(results)
    }
    let results: Result[] | Promise<Result[]>
    try {
      results = run(prepared)
    } catch (error) {
      return retry(error)
    }
    return results instanceof Promise ? results.then(delivered, retry) : delivered(results)
  }

  private async onBatchSubscription(
    subscription: PreparedSubscription,
    events: SegmentEvent[],
    prepared: PreparedSettings,
    state: CallState,
    options: OnEventOptions | undefined
  ): Promise<SubscriptionOutcome> {
    const action = this.ownAction(subscription.partnerAction)
    if (!action) return { results: [], delivered: false }
    if (subscription.invalid !== undefined) return { results: [{ output: subscription.invalid }], delivered: false }

    const matched: SegmentEvent[] = []
    const positions: number[] = []
    for (let i = 0; i < events.length; i++) {
      if (subscription.matches(events[i])) {
        matched.push(events[i])
        positions.push(i)
      }
    }
    if (matched.length === 0) return { results: [{ output: 'not subscribed' }], delivered: false }

    const run = (current: PreparedSettings) =>
      action.runBatch(
        this.batchBundle({
          events: matched,
          mapping: subscription.mapping,
          settings: this.settingsOf(current) as unknown as Settings,
          auth: current.auth,
          features: options?.features,
          statsContext: options?.statsContext,
          logger: options?.logger,
          engageDestinationCache: options?.engageDestinationCache,
          transactionContext: options?.transactionContext,
          stateContext: options?.stateContext,
          subscriptionMetadata: subscription.metadata,
          signal: options?.signal
        })
      )

    let outcome = await run(prepared)
    if (outcome.error !== undefined && this.isAuthRefreshable(outcome.error)) {
      outcome = await run(await this.refreshed(prepared, state, options))
    }

    const nodes: ResultMultiStatusNode[] = new Array(events.length)
    for (let i = 0; i < events.length; i++) {
      nodes[i] = {
        status: 400,
        errortype: 'PAYLOAD_VALIDATION_FAILED',
        errormessage: DOES_NOT_MATCH,
        errorreporter: MultiStatusErrorReporter.INTEGRATIONS
      }
    }
    for (let j = 0; j < positions.length; j++) nodes[positions[j]] = outcome.nodes[j] ?? errorNode(outcome.error)
    return {
      results: [{ multistatus: nodes }],
      delivered: outcome.error === undefined,
      error: outcome.error
    }
  }

  private stats(subscription: PreparedSubscription, event: SegmentEvent, output: Result[] | null): SubscriptionStats {
    return {
      duration: 0,
      destination: this.name,
      action: subscription.partnerAction,
      subscribe: subscription.subscription.subscribe,
      input: event as unknown as JSONLikeObject,
      output
    }
  }

  private isAuthRefreshable(error: unknown): boolean {
    const scheme = this.authentication?.scheme
    if (scheme !== 'oauth2' && scheme !== 'oauth-managed') return false
    const err = error as { status?: unknown; response?: { status?: unknown } } | null | undefined
    return err?.status === 401 || err?.response?.status === 401
  }

  // Refreshes the token once per call and prepares the settings that carry it.
  private refreshed(prepared: PreparedSettings, state: CallState, options: OnEventOptions | undefined) {
    state.refreshed ??= this.handleAuthError(prepared.source, options).then((settings) => this.prepare(settings))
    return state.refreshed
  }

  // Rethrows errors other than an expired OAuth token; for those, returns refreshed settings.
  async handleError(error: unknown, settings: JSONObject, options?: OnEventOptions): Promise<JSONObject> {
    if (!this.isAuthRefreshable(error)) throw error
    return this.handleAuthError(settings, options)
  }

  // New settings carrying a refreshed access token (the given settings are not modified).
  async handleAuthError(settings: JSONObject, options?: OnEventOptions): Promise<JSONObject> {
    const tokens = await this.refreshTokenAndGetNewToken(settings, options)
    return updateOAuthSettings(settings, tokens)
  }

  // Refreshes the access token and hands it to `options.onTokenRefresh`.
  async refreshTokenAndGetNewToken(settings: JSONObject, options?: OnEventOptions): Promise<RefreshAccessTokenResult> {
    const tokens = await this.refreshAccessToken(
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

  private async _onDelete(event: SegmentEvent, settings: JSONObject, options?: OnEventOptions): Promise<Result> {
    const onDelete = this.definition.onDelete
    if (typeof onDelete !== 'function') return {}
    const payload = { userId: event?.userId, anonymousId: event?.anonymousId }
    const run = (current: JSONObject) => {
      const destinationSettings = this.validatedSettings(this.stripReserved(current)) as unknown as Settings
      const data = { payload, settings: destinationSettings, auth: getAuthData(current) } as ExecuteInput<
        Settings,
        typeof payload
      >
      return onDelete(makeRequestClient(this.extendRequest, data, this.recordResponse), data)
    }
    try {
      return (await run(settings)) as Result
    } catch (error) {
      return (await run(await this.handleError(error, settings, options))) as Result
    }
  }
}
