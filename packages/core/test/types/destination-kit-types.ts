// The rest of the reference's `destination-kit` names: audience, context, field and condition types.
import type {
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
  EngageDestinationCache,
  ExecuteInput,
  GetAudienceInput,
  Logger,
  OAuth2Authentication,
  OAuthManagedAuthentication,
  Personas,
  Preset,
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
import type {
  ActionDefinition as ActionDefinitionOfAction,
  ActionHookDefinition as HookDefinitionOfAction,
  ActionHookResponse as HookResponseOfAction,
  BaseActionDefinition as BaseOfAction,
  RequestFn as RequestFnOfAction
} from '@action-destinations/core/destination-kit/action'
import type {
  ActionDestinationErrorResponseType,
  ActionDestinationSuccessResponseType,
  AudienceMembership,
  CaseDirective,
  Condition,
  Deletion,
  DeletionPayload,
  Directive,
  DynamicFieldContext,
  DynamicFieldError,
  DynamicFieldItem,
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
  SyncModeCondition,
  TemplateDirective
} from '@action-destinations/core/destination-kit/types'
import { action } from './destination-kit-action'
import type { HookInputs, HookOutputs, Payload, Settings } from './destination-kit-action'

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
