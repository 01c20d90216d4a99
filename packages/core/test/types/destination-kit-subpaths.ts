// Every name of the reference's `destination-kit` subpaths, imported and used the way destinations
// do (`@segment/actions-core/destination-kit`, `.../destination-kit/types`, ...).
import {
  Destination,
  fieldsToJsonSchema as kitFieldsToJsonSchema,
  hookTypeStrings as kitHookTypes
} from '@action-destinations/core/destination-kit'
import type {
  ActionDefinition,
  ActionHookDefinition,
  ActionHookResponse,
  ActionHookType,
  AudienceDestinationConfiguration,
  AudienceDestinationConfigurationWithCreateGet,
  AudienceDestinationDefinition,
  AudienceMode,
  AudienceResult,
  AuthenticationScheme,
  BaseActionDefinition,
  BaseDefinition,
  BasicAuthentication,
  CreateAudienceInput,
  CustomAuthentication,
  DecoratedResponse,
  DestinationDefinition,
  EngageDestinationCache,
  ExecuteInput,
  GetAudienceInput,
  Logger,
  MinimalInputField,
  OAuth2Authentication,
  OAuth2ClientCredentials,
  OAuthManagedAuthentication,
  Personas,
  Preset,
  RefreshAccessTokenResult,
  RequestFn,
  Result,
  StateContext,
  StatsClient,
  StatsContext,
  Subscription,
  SubscriptionMetadata,
  SubscriptionStats,
  TransactionContext,
  WarehouseDestinationDefinition
} from '@action-destinations/core/destination-kit'
import {
  Action,
  ActionDestinationErrorResponse,
  ActionDestinationSuccessResponse,
  MultiStatusResponse,
  hookTypeStrings
} from '@action-destinations/core/destination-kit/action'
import type {
  ActionDefinition as ActionDefinitionOfAction,
  ActionHookDefinition as HookDefinitionOfAction,
  ActionHookResponse as HookResponseOfAction,
  ActionHookType as HookTypeOfAction,
  BaseActionDefinition as BaseOfAction,
  ExecuteDynamicFieldInput,
  RequestFn as RequestFnOfAction
} from '@action-destinations/core/destination-kit/action'
import type { EventEmitterSlug } from '@action-destinations/core/destination-kit/event-emitter-types'
import {
  conditionsToJsonSchema,
  fieldConditionSingleDependencyToJsonSchema,
  fieldsToJsonSchema,
  singleFieldConditionsToJsonSchema
} from '@action-destinations/core/destination-kit/fields-to-jsonschema'
import type { MinimalFields } from '@action-destinations/core/destination-kit/fields-to-jsonschema'
import {
  getAuthData,
  getOAuth2Data,
  updateOAuthSettings
} from '@action-destinations/core/destination-kit/parse-settings'
import type { AuthTokens } from '@action-destinations/core/destination-kit/parse-settings'
import { syncModeTypes } from '@action-destinations/core/destination-kit/types'
import type {
  ActionDestinationErrorResponseType,
  ActionDestinationSuccessResponseType,
  AudienceMembership,
  CaseDirective,
  Condition,
  Deletion,
  DeletionPayload,
  DependsOnConditions,
  Directive,
  DynamicFieldContext,
  DynamicFieldError,
  DynamicFieldItem,
  DynamicFieldResponse,
  ExecuteInput as ExecuteInputOfTypes,
  FieldCondition,
  FieldTypeName,
  FieldValue,
  GlobalSetting,
  IfDirective,
  InputField,
  InputFieldJSONSchema,
  MaybePromise,
  Optional,
  PathDirective,
  RequestExtension,
  Result as ResultOfTypes,
  ResultMultiStatusNode,
  SyncMode,
  SyncModeCondition,
  SyncModeDefinition,
  SyncModeOption,
  TemplateDirective
} from '@action-destinations/core/destination-kit/types'

interface Settings {
  apiKey: string
}

interface Payload {
  email: string
  reason?: string
}

interface HookInputs {
  name: string
}

interface HookOutputs {
  id: string
}

// A sync-mode condition, as destinations declare conditionally required fields.
const UPSERT: DependsOnConditions = {
  match: 'all',
  conditions: [{ type: 'field', fieldKey: '__segment_internal_sync_mode', operator: 'is', value: 'upsert' }]
}

const onMappingSave: ActionHookDefinition<Settings, Payload, unknown, HookInputs, HookOutputs> = {
  label: 'Create list',
  description: 'Creates the list',
  inputFields: { name: { label: 'Name', description: 'Name', type: 'string', required: true } },
  outputTypes: { id: { label: 'ID', description: 'ID', type: 'string', required: true } },
  performHook: async (_request, { hookInputs }): Promise<ActionHookResponse<HookOutputs>> => ({
    successMessage: 'created',
    savedData: { id: hookInputs?.name ?? '' }
  })
}

const option: SyncModeOption = { label: 'Upsert', value: 'upsert' }
const syncMode: SyncModeDefinition = { label: 'Sync', description: 'How', default: 'upsert', choices: [option] }

export const action: ActionDefinition<Settings, Payload, unknown, HookInputs, HookOutputs> = {
  title: 'Sync',
  description: 'Sync',
  fields: {
    email: { label: 'Email', description: 'Email', type: 'string', format: 'email', required: true },
    reason: { label: 'Reason', description: 'Reason', type: 'string', required: UPSERT }
  },
  syncMode,
  hooks: { onMappingSave },
  dynamicFields: {
    reason: async (): Promise<DynamicFieldResponse> => ({ choices: [{ label: 'A', value: 'a' }] })
  },
  perform: (request, { payload, syncMode: mode, hookOutputs, settings }) => {
    const listId = hookOutputs?.onMappingSave?.id
    if (mode === 'delete')
      return request(`https://api.example.com/lists/${listId}/${payload.email}`, { method: 'delete' })
    return request('https://api.example.com/lists', {
      method: 'post',
      json: { listId, ...payload, key: settings.apiKey }
    })
  },
  performBatch: async (request, { payload }) => {
    const response = await request('https://api.example.com/batch', {
      method: 'post',
      json: payload,
      throwHttpErrors: false
    })
    const multistatus = new MultiStatusResponse()
    payload.forEach((item, index) => {
      if (response.status === 200) {
        multistatus.setSuccessResponseAtIndex(index, { status: 200, sent: { ...item }, body: 'ok' })
      } else {
        multistatus.setErrorResponseAtIndex(
          index,
          new ActionDestinationErrorResponse({ status: 400, errormessage: 'x' })
        )
      }
    })
    return multistatus
  }
}

export function kit(settings: Settings): unknown[] {
  const definition: DestinationDefinition<Settings> = { name: 'Kit', mode: 'cloud', actions: { sync: action } }
  const destination = new Destination<Settings>(definition)
  const hookType: ActionHookType = kitHookTypes[0]
  const hookTypeOfAction: HookTypeOfAction = hookTypeStrings[1]
  const runnable = new Action<Settings, { email: string }>('Kit', action)
  const success = new ActionDestinationSuccessResponse({ status: 200, sent: {}, body: {} })
  const dynamicInput: ExecuteDynamicFieldInput<Settings, Payload> = { settings, payload: { email: 'a' } }
  const fields: MinimalFields = { email: { label: 'Email', type: 'string' } }
  const minimal: MinimalInputField = fields.email
  const schemas = [
    kitFieldsToJsonSchema(fields),
    fieldsToJsonSchema(fields, { tsType: true }),
    conditionsToJsonSchema({ reason: UPSERT }),
    singleFieldConditionsToJsonSchema('reason', UPSERT),
    fieldConditionSingleDependencyToJsonSchema(UPSERT.conditions[0], 'reason')
  ]
  const tokens: AuthTokens = getAuthData({ oauth: { access_token: 'a' } })
  const credentials: OAuth2ClientCredentials = getOAuth2Data({})
  const refreshed: RefreshAccessTokenResult = { accessToken: tokens.accessToken }
  const updated = updateOAuthSettings({}, refreshed)
  const slug: EventEmitterSlug = 'warehouse_entity_added_track'
  const modes: readonly SyncMode[] = syncModeTypes
  const all: unknown[] = [
    destination,
    hookType,
    hookTypeOfAction,
    runnable,
    success,
    dynamicInput,
    minimal,
    schemas,
    credentials
  ]
  return all.concat([updated, slug, modes])
}

// The remaining types of the destination-kit index, as audience destinations and runtimes use them.
export function audience(
  scheme: AuthenticationScheme<Settings>,
  custom: CustomAuthentication<Settings>,
  basic: BasicAuthentication<Settings>,
  oauth: OAuth2Authentication<Settings>,
  managed: OAuthManagedAuthentication<Settings>
): unknown[] {
  const mode: AudienceMode = { type: 'realtime' }
  const base: AudienceDestinationConfiguration = { mode }
  const config: AudienceDestinationConfigurationWithCreateGet<Settings, { listId: string }> = {
    mode,
    createAudience: async (_request, input: CreateAudienceInput<Settings, { listId: string }>) => ({
      externalId: input.audienceName
    }),
    getAudience: async (_request, input: GetAudienceInput<Settings, { listId: string }>): Promise<AudienceResult> => ({
      externalId: input.externalId
    })
  }
  const definition: AudienceDestinationDefinition<Settings, { listId: string }> = {
    name: 'Audience',
    mode: 'cloud',
    authentication: scheme,
    audienceFields: { listId: { label: 'List', description: 'List', type: 'string' } },
    audienceConfig: config,
    actions: { sync: action }
  }
  const warehouse: WarehouseDestinationDefinition<Settings> = {
    name: 'W',
    mode: 'warehouse',
    settings: {},
    actions: {}
  }
  const baseDefinition: BaseDefinition = warehouse
  const baseAction: BaseActionDefinition = action
  const baseOfAction: BaseOfAction = action
  const preset: Preset = {
    name: 'P',
    subscribe: 'type = "track"',
    partnerAction: 'sync',
    mapping: {},
    type: 'automatic'
  }
  const subscription: Subscription = { subscribe: 'type = "track"', partnerAction: 'sync', mapping: {} }
  return [
    base,
    definition,
    baseDefinition,
    baseAction,
    baseOfAction,
    preset,
    subscription,
    custom,
    basic,
    oauth,
    managed
  ]
}

// Contexts and results, as runtimes hand them over.
export function contexts(
  logger: Logger,
  stats: StatsContext,
  statsClient: StatsClient,
  transaction: TransactionContext,
  state: StateContext,
  cache: EngageDestinationCache,
  personas: Personas,
  metadata: SubscriptionMetadata,
  completed: SubscriptionStats,
  response: DecoratedResponse,
  perform: RequestFn<Settings, Payload>,
  performOfAction: RequestFnOfAction<Settings, Payload>,
  hook: HookDefinitionOfAction<Settings, Payload, unknown, HookInputs, HookOutputs>,
  hookResponse: HookResponseOfAction<HookOutputs>,
  definitionOfAction: ActionDefinitionOfAction<Settings, Payload>
): unknown[] {
  logger.info('message')
  statsClient.incr('metric', 1, stats.tags)
  transaction.setTransaction('key', 'value')
  const input: ExecuteInput<Settings, Payload> = { settings: { apiKey: 'k' }, payload: { email: 'e' }, logger }
  const same: ExecuteInputOfTypes<Settings, Payload> = input
  const results: Result[] = [{ output: 'done' }]
  const sameResults: ResultOfTypes[] = results
  const all: unknown[] = [
    state,
    cache,
    personas.computation_key,
    metadata.actionConfigId,
    completed.output,
    response.options
  ]
  return all.concat([perform, performOfAction, hook, hookResponse, definitionOfAction, same, sameResults])
}

// The field and condition types of `destination-kit/types`.
export function fieldTypes(request: Parameters<RequestExtension<Settings>>[0]): unknown[] {
  const type: FieldTypeName = 'datetime'
  const schema: InputFieldJSONSchema = { label: 'When', description: 'When', type }
  const field: InputField = { ...schema, placeholder: 'now', minimum: 1 }
  const optional: Optional<InputField, 'description'> = { label: 'x', type: 'string' }
  const setting: GlobalSetting = { label: 'Key', description: 'Key', type: 'string' }
  const fieldCondition: FieldCondition = { fieldKey: 'a', operator: 'is', value: 'b' }
  const syncCondition: SyncModeCondition = { type: 'syncMode', operator: 'is', value: 'add' }
  const conditions: Condition[] = [fieldCondition, syncCondition]
  const path: PathDirective = { '@path': '$.a' }
  const template: TemplateDirective = { '@template': '{{a}}' }
  const ifDirective: IfDirective = { '@if': { exists: path, then: template } }
  const caseDirective: CaseDirective = { '@case': { operator: 'upper', value: path } }
  const directive: Directive = ifDirective
  const value: FieldValue = { nested: [directive, caseDirective] }
  const context: DynamicFieldContext = { selectedArrayIndex: 0, selectedKey: 'k', query: 'q' }
  const item: DynamicFieldItem = { label: 'A', value: 'a', type: 'string' }
  const error: DynamicFieldError = { code: '500', message: 'x' }
  const success: ActionDestinationSuccessResponseType = { status: 200, sent: {}, body: {} }
  const failure: ActionDestinationErrorResponseType = { status: 400, errormessage: 'x', errortype: 'BAD_REQUEST' }
  const node: ResultMultiStatusNode = success
  const membership: AudienceMembership = true
  const promised: MaybePromise<number> = Promise.resolve(1)
  const deletionPayload: DeletionPayload = { userId: 'u', anonymousId: null }
  const deletion: Deletion<Settings> = (client, { payload }) => client(`https://api.example.com/${payload.userId}`)
  const all: unknown[] = [
    field,
    optional,
    setting,
    conditions,
    value,
    context,
    item,
    error,
    failure,
    node,
    membership,
    promised
  ]
  return all.concat([deletionPayload, deletion, request.settings])
}
