// The definition, JSON and runtime types of the reference's package root, used the way destinations
// and their tests use them. Type-checked (never run) by `yarn check:types`.
import {
  ActionDestinationErrorResponse,
  ActionDestinationSuccessResponse,
  Destination,
  MultiStatusResponse,
  createTestEvent,
  createTestIntegration
} from '@action-destinations/core'
import type {
  ActionDefinition,
  ActionHookResponse,
  AudienceDestinationDefinition,
  AuthenticationScheme,
  BaseActionDefinition,
  BaseDefinition,
  BasicAuthentication,
  CustomAuthentication,
  DecoratedResponse,
  DestinationDefinition,
  DynamicFieldError,
  DynamicFieldItem,
  DynamicFieldResponse,
  ExecuteInput,
  Features,
  GlobalSetting,
  InputField,
  JSONArray,
  JSONLike,
  JSONLikeObject,
  JSONObject,
  JSONPrimitive,
  JSONValue,
  Logger,
  MinimalInputField,
  OAuth2Authentication,
  OAuth2ClientCredentials,
  OAuthManagedAuthentication,
  Preset,
  RefreshAccessTokenResult,
  RequestExtension,
  RequestFn,
  Result,
  SegmentEvent,
  StateContext,
  StatsContext,
  Subscription,
  SubscriptionStats,
  SyncModeDefinition,
  WarehouseDestinationDefinition
} from '@action-destinations/core'

interface Settings {
  apiKey: string
  region?: string
}

// The JSON types.
export function json(value: JSONValue): JSONLike[] {
  const primitive: JSONPrimitive = 1
  const array: JSONArray = [primitive, 'a', null]
  const object: JSONObject = { array, nested: { value } }
  const likeObject: JSONLikeObject = { date: new Date(), object }
  return [likeObject, object]
}

// The definition types, as destinations declare them.
export function definitions(perform: RequestFn<Settings, { id: string }>) {
  const field: InputField = { label: 'Id', description: 'Id', type: 'string', required: true }
  const minimal: MinimalInputField = { label: 'Id', type: 'string' }
  const setting: GlobalSetting = { label: 'Key', description: 'Key', type: 'password', required: true }
  const base: BaseActionDefinition = { title: 'Send', description: 'Send', fields: { id: field } }
  const action: ActionDefinition<Settings, { id: string }> = { ...base, perform }
  const preset: Preset = {
    name: 'Send',
    subscribe: 'type = "track"',
    partnerAction: 'send',
    mapping: {},
    type: 'automatic'
  }
  const custom: CustomAuthentication<Settings> = { scheme: 'custom', fields: { apiKey: setting } }
  const basic: BasicAuthentication<Settings> = { scheme: 'basic', fields: { apiKey: setting } }
  const oauth: OAuth2Authentication<Settings> = {
    scheme: 'oauth2',
    fields: {},
    refreshAccessToken: async (_request, { auth }) => ({ accessToken: auth.refreshToken })
  }
  const managed: OAuthManagedAuthentication<Settings> = { scheme: 'oauth-managed', fields: {} }
  const scheme: AuthenticationScheme<Settings> = custom
  const extend: RequestExtension<Settings> = ({ settings }) => ({ headers: { authorization: settings.apiKey } })
  const destination: DestinationDefinition<Settings> = {
    name: 'Example',
    mode: 'cloud',
    authentication: scheme,
    extendRequest: extend,
    presets: [preset],
    actions: { send: action }
  }
  const baseDefinition: BaseDefinition = destination
  const warehouse: WarehouseDestinationDefinition<Settings> = {
    name: 'Warehouse',
    mode: 'warehouse',
    settings: { apiKey: setting },
    actions: { send: action }
  }
  const audience: AudienceDestinationDefinition<Settings, { listId: string }> = {
    ...destination,
    audienceFields: { listId: { label: 'List', description: 'List', type: 'string' } },
    audienceConfig: {
      mode: { type: 'synced', full_audience_sync: false },
      createAudience: async (_request, { audienceName }) => ({ externalId: audienceName }),
      getAudience: async (_request, { externalId }) => ({ externalId })
    }
  }
  const credentials: OAuth2ClientCredentials = { accessToken: 'a', refreshToken: 'r', clientId: 'c', clientSecret: 's' }
  const refreshed: RefreshAccessTokenResult = { accessToken: 'a' }
  const sync: SyncModeDefinition = {
    label: 'Sync',
    description: 'How',
    default: 'upsert',
    choices: [{ label: 'Upsert', value: 'upsert' }]
  }
  const hook: ActionHookResponse<{ id: string }> = { successMessage: 'ok', savedData: { id: '1' } }
  const item: DynamicFieldItem = { label: 'A', value: 'a' }
  const dynamicError: DynamicFieldError = { code: '404', message: 'none' }
  const dynamic: DynamicFieldResponse = { choices: [item], error: dynamicError }
  const features: Features = { flag: true }
  const subscription: Subscription = { name: 'S', subscribe: 'type = "track"', partnerAction: 'send', mapping: {} }
  const all: unknown[] = [minimal, basic, oauth, managed, baseDefinition, warehouse, audience, credentials]
  return all.concat([refreshed, sync, hook, dynamic, features, subscription, new Destination(destination)])
}

// What runtimes and tests read back.
export async function runtime(destination: Destination<Settings>, event: SegmentEvent): Promise<unknown> {
  const log = (...message: string[]) => void message
  const logger: Logger = {
    level: 'info',
    name: 'x',
    debug: log,
    info: log,
    warn: log,
    error: log,
    crit: log,
    log,
    withTags: () => undefined
  }
  const stats: StatsContext = { statsClient: undefined as never, tags: ['a:b'] }
  const state: StateContext = { getRequestContext: () => undefined, setResponseContext: () => undefined }
  const results: Result[] = await destination.onEvent(
    event,
    { apiKey: 'k' },
    {
      onComplete: (completed: SubscriptionStats) => completed.duration,
      logger,
      statsContext: stats,
      stateContext: state
    }
  )
  const testDestination = createTestIntegration<Settings>(destination.definition)
  const responses: DecoratedResponse[] = await testDestination.testAction('send', {
    event: createTestEvent({ userId: 'u' }),
    settings: { apiKey: 'k' },
    useDefaultMappings: true
  })
  await testDestination.testBatchAction('send', { events: [createTestEvent()], mapping: { id: 'x' } })
  await testDestination.testAuthentication({ apiKey: 'k' })
  const choices = await testDestination.testDynamicField('send', 'id', { settings: { apiKey: 'k' }, payload: {} })
  const last: Result[] = testDestination.results
  const sent = responses.map((response) => [response.options.json, response.data, response.status])
  const multistatus = new MultiStatusResponse()
  multistatus.pushSuccessResponse(new ActionDestinationSuccessResponse({ status: 200, sent: {}, body: {} }))
  multistatus.pushErrorResponse(new ActionDestinationErrorResponse({ status: 400, errormessage: 'bad' }))
  const input: ExecuteInput<Settings, { id: string }> = { settings: { apiKey: 'k' }, payload: { id: '1' } }
  const all: unknown[] = [results, responses[0].options.headers, responses[0].request.url, multistatus.length()]
  return all.concat([input, choices, last, sent])
}

// A harness of its own, as some suites build one: a subclass running an action directly.
export class ActionRunner extends Destination<Settings> {
  run(event: SegmentEvent, mapping: JSONObject): Promise<Result[]> {
    return this.executeAction('send', { event, mapping, settings: { apiKey: 'k' }, features: {} })
  }
}
