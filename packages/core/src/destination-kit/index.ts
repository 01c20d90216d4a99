import type { JSONSchema4 } from 'json-schema'
import { Action } from './action'
import type { RequestFn, ExecuteDynamicFieldInput } from './action'
import type { JSONObject } from '../json-object'
import type { SegmentEvent } from '../segment-event'
import { fieldsToJsonSchema } from './fields-to-jsonschema'
import type { MinimalFields } from './fields-to-jsonschema'
import { updateOAuthSettings } from './parse-settings'
import type { DecoratedResponse, ResponseRecorder } from './make-request-client'
import type { AuthenticationScheme, OAuth2ClientCredentials, RefreshAccessTokenResult } from './auth-types'
import type { Personas } from './contexts'
import type { RequestExtension, Result, DynamicFieldResponse, ResultMultiStatusNode } from './types'
import { MAX_RESPONSE_BYTES, trimResponses } from './response-log'
import type {
  DestinationDefinition,
  EventInput,
  BatchEventInput,
  OnEventOptions,
  PartnerActions
} from './destination-types'
import type { AudienceResult, CreateAudienceInput, GetAudienceInput } from './audience-types'
import { createAudienceWith, getAudienceWith } from './audience'
import { isAuthRefreshable, refreshedOnce, refreshTokenAndGetNewToken } from './auth-refresh'
import type { CallState } from './auth-refresh'
import { requestAccessToken, testCredentials } from './credentials'
import { audienceSettingsOf, personasOf } from './event-context'
import { runOnDelete } from './on-delete'
import { SettingsValidation, stripReserved } from './settings/destination-settings'
import { PreparedSettingsCache } from './settings/prepared-settings'
import type { PreparedSettings } from './settings/prepared-settings'
import { onEverySubscription, onSubscription } from './subscription-run'
import type { SubscriptionHost } from './subscription-run'
import { batchBundle, onBatchSubscription, onEveryBatchSubscription } from './subscription-batch-run'

export { hookTypeStrings, Action } from './action'
export { MultiStatusResponse, ActionDestinationSuccessResponse, ActionDestinationErrorResponse } from './action'
export type {
  BaseActionDefinition,
  ActionDefinition,
  ActionHookDefinition,
  ActionHookResponse,
  ActionHookType,
  RequestFn
} from './action'
export { fieldsToJsonSchema } from './fields-to-jsonschema'
export type { MinimalInputField } from './fields-to-jsonschema'
export type { ExecuteInput, Result } from './types'
export type {
  AuthenticationScheme,
  BasicAuthentication,
  CustomAuthentication,
  OAuth2Authentication,
  OAuthManagedAuthentication,
  OAuth2ClientCredentials,
  RefreshAccessTokenResult
} from './auth-types'
export type { Subscription, Preset } from './subscription-types'
export type {
  Logger,
  StatsContext,
  StatsClient,
  TransactionContext,
  StateContext,
  EngageDestinationCache,
  SubscriptionMetadata,
  Personas
} from './contexts'
export type { DecoratedResponse } from './make-request-client'
export type {
  SubscriptionStats,
  BaseDefinition,
  DestinationDefinition,
  WarehouseDestinationDefinition,
  OnEventOptions
} from './destination-types'
export type {
  AudienceResult,
  AudienceMode,
  CreateAudienceInput,
  GetAudienceInput,
  AudienceDestinationConfiguration,
  AudienceDestinationConfigurationWithCreateGet,
  AudienceDestinationDefinition
} from './audience-types'

/* eslint-disable @typescript-eslint/no-explicit-any -- generic defaults mirror the reference's public types */

const MAX_RESPONSES = 100

// A destination definition made runnable: events in, action results out. The work is done by the
// concern files: settings/, subscription-run.ts, subscription-batch-run.ts, auth-refresh.ts,
// credentials.ts, audience.ts and on-delete.ts.
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
  private readonly settingsValidation: SettingsValidation
  private readonly preparedSettings = new PreparedSettingsCache()
  private readonly subscriptionHost: SubscriptionHost<Settings, AudienceSettings>
  private audienceSchema?: JSONSchema4
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
    this.settingsValidation = new SettingsValidation(this.settingsSchema)
    if (typeof destination.onDelete === 'function') this.onDelete = (...args) => this._onDelete(...args)
    this.subscriptionHost = {
      name: this.name,
      actionFor: (slug) => this.ownAction(slug),
      settingsOf: (prepared) => this.settingsOf(prepared),
      isAuthRefreshable: (error) => isAuthRefreshable(this.authentication, error),
      refreshed: (prepared, state, options) => this.refreshed(prepared, state, options)
    }

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
    this.settingsValidation.validated(stripReserved(settings as unknown as JSONObject))
  }

  private settingsOf(prepared: PreparedSettings): JSONObject {
    return (prepared.validated ??= this.settingsValidation.validated(stripReserved(prepared.source)))
  }

  async createAudience(createAudienceInput: CreateAudienceInput<Settings, AudienceSettings>): Promise<AudienceResult> {
    return createAudienceWith(
      this,
      createAudienceInput,
      (fields) => (this.audienceSchema ??= fieldsToJsonSchema(fields))
    )
  }

  async getAudience(getAudienceInput: GetAudienceInput<Settings, AudienceSettings>): Promise<AudienceResult> {
    return getAudienceWith(this, getAudienceInput)
  }

  // Validates the settings, then runs the definition's testAuthentication (if any).
  // Its failures are reported as `Credentials are invalid: <status> <message>`.
  async testAuthentication(settings: Settings): Promise<void> {
    const source = settings as unknown as JSONObject
    const destinationSettings = this.settingsValidation.validated(stripReserved(source))
    return testCredentials(this.authentication, this.extendRequest, destinationSettings, source)
  }

  async refreshAccessToken(
    settings: Settings,
    oauthData: OAuth2ClientCredentials,
    synchronizeRefreshAccessToken?: () => Promise<void>
  ): Promise<RefreshAccessTokenResult | undefined> {
    return requestAccessToken(
      this.authentication,
      this.extendRequest,
      settings,
      oauthData,
      synchronizeRefreshAccessToken
    )
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
    return action.executeBatch(batchBundle<Settings, AudienceSettings>(input))
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
    const prepared = this.preparedSettings.prepare(settings)
    // Settings are validated first, as in the reference: invalid settings reject the call (400)
    // whether or not a subscription matches. The result is cached with the prepared settings.
    this.settingsOf(prepared)
    const subscriptions = prepared.subscriptions
    const state: CallState = {}
    const host = this.subscriptionHost
    if (subscriptions.length === 1) {
      const outcome = onSubscription(host, subscriptions[0], event, prepared, state, options)
      return (outcome instanceof Promise ? await outcome : outcome).results
    }
    return onEverySubscription(host, subscriptions, event, prepared, state, options)
  }

  // Like onEvent for a list of events: one `{ multistatus }` per subscription, one node per event
  // in input order. Events the subscription does not match get a 400 node.
  async onBatch(events: SegmentEvent[], settings: JSONObject, options?: OnEventOptions): Promise<Result[]> {
    const list = Array.isArray(events) ? events : []
    const prepared = this.preparedSettings.prepare(settings)
    // Settings are validated first, as in the reference: invalid settings reject the call (400)
    // whether or not a subscription matches. The result is cached with the prepared settings.
    this.settingsOf(prepared)
    const subscriptions = prepared.subscriptions
    const state: CallState = {}
    const host = this.subscriptionHost
    if (subscriptions.length === 1) {
      const outcome = await onBatchSubscription(host, subscriptions[0], list, prepared, state, options)
      if (outcome.error !== undefined) throw outcome.error
      return outcome.results
    }
    return onEveryBatchSubscription(host, subscriptions, list, prepared, state, options)
  }

  // Refreshes the token once per call and prepares the settings that carry it.
  private refreshed(prepared: PreparedSettings, state: CallState, options: OnEventOptions | undefined) {
    return refreshedOnce(
      state,
      () => this.handleAuthError(prepared.source, options),
      (settings) => this.preparedSettings.prepare(settings)
    )
  }

  // Rethrows errors other than an expired OAuth token; for those, returns refreshed settings.
  async handleError(error: unknown, settings: JSONObject, options?: OnEventOptions): Promise<JSONObject> {
    if (!isAuthRefreshable(this.authentication, error)) throw error
    return this.handleAuthError(settings, options)
  }

  // New settings carrying a refreshed access token (the given settings are not modified).
  async handleAuthError(settings: JSONObject, options?: OnEventOptions): Promise<JSONObject> {
    const tokens = await this.refreshTokenAndGetNewToken(settings, options)
    return updateOAuthSettings(settings, tokens)
  }

  // Refreshes the access token and hands it to `options.onTokenRefresh`.
  async refreshTokenAndGetNewToken(settings: JSONObject, options?: OnEventOptions): Promise<RefreshAccessTokenResult> {
    return refreshTokenAndGetNewToken<Settings>(this, settings, options)
  }

  private async _onDelete(event: SegmentEvent, settings: JSONObject, options?: OnEventOptions): Promise<Result> {
    const destinationSettingsOf = (current: JSONObject) => this.settingsValidation.validated(stripReserved(current))
    return runOnDelete<Settings>(this, destinationSettingsOf, event, settings, options)
  }
}
