// Every name the reference's package root exports, used the way destinations and their tests use
// them. Type-checked (never run) against our package by `yarn check:types`.
import https from 'https'
import {
  APIError,
  ActionDestinationErrorResponse,
  ActionDestinationSuccessResponse,
  CustomErrorCodes,
  DEFAULT_REQUEST_TIMEOUT,
  Destination,
  ErrorCodes,
  FLAGS,
  HTTPError,
  Headers,
  HttpErrorCodes,
  IntegrationError,
  InvalidAudienceMembershipError,
  InvalidAuthenticationError,
  MultiStatusResponse,
  PayloadValidationError,
  Request,
  RequestTimeoutError,
  Response,
  RetryableError,
  SelfTimeoutError,
  createInstance,
  createRequestClient,
  createTestEvent,
  createTestIntegration,
  defaultValues,
  duration,
  fetch,
  fieldsToJsonSchema,
  get,
  getAuthData,
  getErrorCodeFromHttpStatus,
  getFieldValue,
  getFieldValueKeys,
  isArray,
  isArrayPathDirective,
  isCaseDirective,
  isDirective,
  isExcludeWhenNullDirective,
  isIfDirective,
  isJSONDirective,
  isLiteralDirective,
  isObject,
  isPathDirective,
  isReplaceDirective,
  isString,
  isTemplateDirective,
  omit,
  realTypeOf,
  removeUndefined,
  resolveAudienceMembership,
  retry,
  time,
  transform,
  validateSchema
} from '@action-destinations/core'
import type {
  ActionDefinition,
  ActionHookResponse,
  ArrayPathDirective,
  AudienceDestinationDefinition,
  AudienceMembership,
  AuthenticationScheme,
  BaseActionDefinition,
  BaseDefinition,
  BasicAuthentication,
  CaseDirective,
  CustomAuthentication,
  DecoratedResponse,
  DestinationDefinition,
  Directive,
  DirectiveMetadata,
  DynamicFieldError,
  DynamicFieldItem,
  DynamicFieldResponse,
  ExecuteInput,
  Features,
  FieldValue,
  GlobalSetting,
  IfDirective,
  InputField,
  JSONArray,
  JSONDirective,
  JSONLike,
  JSONLikeObject,
  JSONObject,
  JSONPrimitive,
  JSONValue,
  LiteralDirective,
  Logger,
  MinimalInputField,
  ModifiedResponse,
  OAuth2Authentication,
  OAuth2ClientCredentials,
  OAuthManagedAuthentication,
  PathDirective,
  Preset,
  PrimitiveValue,
  RefreshAccessTokenResult,
  ReplaceDirective,
  RequestClient,
  RequestExtension,
  RequestFn,
  RequestOptions,
  Result,
  SegmentEvent,
  StateContext,
  StatsContext,
  Subscription,
  SubscriptionStats,
  SyncModeDefinition,
  TemplateDirective,
  WarehouseDestinationDefinition
} from '@action-destinations/core'

interface Settings {
  apiKey: string
  region?: string
}

// Errors as destinations throw and inspect them.
export function errors(error: unknown): number | undefined {
  if (error instanceof HTTPError) return error.response.status
  const thrown: Error[] = [
    new IntegrationError('Bad', 'BAD', 400),
    new IntegrationError('Bad', ErrorCodes.PAYLOAD_VALIDATION_FAILED, 400),
    new RetryableError('Later'),
    new PayloadValidationError('Missing'),
    new InvalidAuthenticationError('Who?', ErrorCodes.INVALID_AUTHENTICATION),
    new InvalidAudienceMembershipError('No'),
    new SelfTimeoutError('Slow'),
    new APIError('Api', 500),
    new RequestTimeoutError()
  ]
  const codes: string[] = [
    getErrorCodeFromHttpStatus(429),
    HttpErrorCodes.TOO_MANY_REQUESTS,
    CustomErrorCodes.OAUTH_REFRESH_FAILED,
    ErrorCodes.PAYLOAD_VALIDATION_FAILED
  ]
  return thrown.length + codes.length + DEFAULT_REQUEST_TIMEOUT
}

// The request client: options as destinations pass them, responses as they read them.
export async function requests(request: RequestClient, event: SegmentEvent): Promise<unknown> {
  const agent = new https.Agent({ keepAlive: true })
  const options: RequestOptions = {
    method: 'post',
    json: { id: event.userId, device: event.context?.device.id, ip: event.context?.ip },
    headers: { authorization: 'Bearer token' },
    searchParams: { page: 1, full: true },
    timeout: 5000,
    throwHttpErrors: false,
    agent
  }
  const response = await request<{ id: string }>('https://api.example.com/items', options)
  const id: string = response.data.id
  const text: string = response.content
  const status: number = response.status
  const typed: ModifiedResponse<{ id: string }> = response
  const client = createRequestClient({ headers: { 'x-a': 'b' } }, { timeout: 1000 })
  const instance = createInstance({ timeout: 1000 }).extend({ headers: { 'x-b': 'c' } })
  const raw: globalThis.Response = await instance('https://api.example.com/raw')
  const fetched = await fetch(new Request('https://api.example.com/raw', { headers: new Headers({ a: 'b' }) }))
  const made = new Response('{}', { status: 200 })
  return [id, text, status, typed, client, raw.status, fetched.ok, made.ok]
}

// The small utilities of the root.
export async function utilities(event: SegmentEvent, settings: JSONObject): Promise<unknown[]> {
  const start = time()
  const elapsed: number = duration(start, time())
  const picked = omit({ a: 1, b: 2 }, ['b'])
  const cleaned = removeUndefined({ a: 1, b: undefined })
  const value = get<string>(event, 'properties.name')
  const kinds = [realTypeOf(event), isObject(event), isArray(event), isString(event)]
  const retried = await retry(async () => 1, { retries: 2 })
  const auth = getAuthData(settings)
  const membership: AudienceMembership = resolveAudienceMembership(event as unknown as JSONObject, 'add')
  const flags = FLAGS
  const defaults = defaultValues({ name: { label: 'Name', description: 'Name', type: 'string', default: 'x' } })
  const schema = fieldsToJsonSchema({ name: { label: 'Name', description: 'Name', type: 'string' } })
  const valid: boolean = validateSchema({ name: 'x' }, schema, { throwIfInvalid: false })
  const payload = transform({ id: { '@path': '$.userId' } }, event as unknown as JSONObject)
  return [elapsed, picked, cleaned, value, kinds, retried, auth, membership, flags, defaults, valid, payload]
}

// Mapping directives and their guards.
export function directives(value: FieldValue): unknown[] {
  const keys: string[] = getFieldValueKeys(value)
  const path: PathDirective = { '@path': '$.userId' }
  const template: TemplateDirective = { '@template': '{{userId}}' }
  const literal: LiteralDirective = { '@literal': 'x' }
  const ifDirective: IfDirective = { '@if': { exists: { '@path': '$.a' }, then: 'y', else: 'n' } }
  const arrayPath: ArrayPathDirective = { '@arrayPath': ['$.products', { sku: { '@path': '$.sku' } }] }
  const caseDirective: CaseDirective = { '@case': { operator: 'lower', value: 'A' } }
  const replace: ReplaceDirective = {
    '@replace': { pattern: 'a', replacement: 'b', pattern2: '', replacement2: '', global: true, ignorecase: false }
  }
  const json: JSONDirective = { '@json': { mode: 'encode', value: { '@path': '$.a' } } }
  const any: Directive = path
  const metadata: DirectiveMetadata = { _metadata: { label: 'x', type: 'variable' } }
  const primitive: PrimitiveValue = 'x'
  const guards = [
    isDirective(value),
    isPathDirective(value),
    isTemplateDirective(value),
    isLiteralDirective(value),
    isIfDirective(value),
    isArrayPathDirective(value),
    isCaseDirective(value),
    isReplaceDirective(value),
    isJSONDirective(value),
    isExcludeWhenNullDirective(value)
  ]
  const all: unknown[] = [template, literal, ifDirective, arrayPath, caseDirective, replace, json, any, metadata]
  return all.concat([primitive, guards, keys, getFieldValue(value)])
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
