import type {
  StateContext,
  Logger,
  StatsContext,
  TransactionContext,
  EngageDestinationCache,
  SubscriptionMetadata,
  Personas
} from './contexts'
import type { ActionHookType } from './hook-types'
import type { RequestOptions } from '../request-client'
import type { JSONLikeObject, JSONObject } from '../json-object'
import type { AuthTokens } from './parse-settings'
import type { RequestClient } from './request-client-type'
import type { ID } from '../segment-event'
import type { Features } from '../mapping-kit'
import type { ErrorCodes, MultiStatusErrorReporter } from '../errors'

export type Optional<T, K extends keyof T> = Pick<Partial<T>, K> & Omit<T, K>

export type MaybePromise<T> = T | Promise<T>

// One step of what onEvent / onBatch report for a subscription.
export interface Result {
  output?: JSONObject | string | null | undefined
  error?: JSONObject | null
  data?: JSONObject | null
  multistatus?: ResultMultiStatusNode[]
}

export interface DynamicFieldContext {
  selectedArrayIndex?: number
  selectedKey?: string
  query?: string
}

// What perform / performBatch / hooks / dynamic fields receive as their second argument.
export interface ExecuteInput<
  Settings,
  Payload,
  AudienceSettings = unknown,
  ActionHookInputs = any, // eslint-disable-line @typescript-eslint/no-explicit-any -- generated hook types plug in here
  ActionHookOutputs = any, // eslint-disable-line @typescript-eslint/no-explicit-any
  AudienceMembershipType = AudienceMembership | AudienceMembership[]
> {
  readonly mapping?: JSONObject
  readonly settings: Settings
  readonly audienceSettings?: AudienceSettings
  payload: Payload
  audienceMembership?: AudienceMembershipType
  hookInputs?: ActionHookInputs
  hookOutputs?: Partial<Record<ActionHookType, ActionHookOutputs>>
  dynamicFieldContext?: DynamicFieldContext
  page?: string
  syncMode?: SyncMode
  matchingKey?: string
  rawData?: unknown
  rawMapping?: JSONObject
  readonly auth?: AuthTokens
  readonly features?: Features
  readonly statsContext?: StatsContext
  readonly personasContext?: Personas
  readonly logger?: Logger
  readonly engageDestinationCache?: EngageDestinationCache
  readonly transactionContext?: TransactionContext
  readonly stateContext?: StateContext
  readonly subscriptionMetadata?: SubscriptionMetadata
  readonly signal?: AbortSignal
}

export type AudienceMembership = boolean | undefined

export interface DynamicFieldResponse {
  choices: DynamicFieldItem[]
  nextPage?: string
  error?: DynamicFieldError
}

export interface DynamicFieldError {
  code: string
  message: string
}

export interface DynamicFieldItem {
  label: string
  value: string
  description?: string
  type?: FieldTypeName
}

// A destination-level setting (shown on the settings page).
export interface GlobalSetting extends Omit<InputField, 'additionalProperties' | 'defaultObjectUI' | 'dynamic'> {
  type: 'boolean' | 'string' | 'password' | 'number'
  choices?: Array<{ value: string | number; label: string }>
  default?: string | number | boolean
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- mirrors the reference's declaration
  dynamic?: RequestFn<Record<string, boolean | string | number>, {}>
}

export type FieldTypeName = 'string' | 'text' | 'number' | 'integer' | 'datetime' | 'boolean' | 'password' | 'object'

type FieldCategory = 'identifier' | 'data' | 'internal' | 'config' | 'sync' | 'hashedPII'
type FieldInputMethods = 'literal' | 'variable' | 'function' | 'enrichment' | 'freeform'
type FieldDisplayMode = 'expanded' | 'normal' | 'collapsed'

export interface InputFieldJSONSchema {
  label: string
  description: string
  type: FieldTypeName
  allowNull?: boolean
  multiple?: boolean
  additionalProperties?: boolean
  default?: FieldValue
  choices?: Array<string> | Array<{ value: string | number; label: string }>
  required?: boolean | DependsOnConditions
  properties?: Record<string, Optional<InputField, 'description'>>
  format?:
    | 'date'
    | 'time'
    | 'date-time'
    | 'uri'
    | 'uri-reference'
    | 'uri-template'
    | 'email'
    | 'hostname'
    | 'ipv4'
    | 'ipv6'
    | 'regex'
    | 'uuid'
    | 'password'
    | 'text'
}

// An action field: what a mapping must produce for one key of the payload.
export interface InputField extends InputFieldJSONSchema {
  placeholder?: string
  dynamic?: boolean
  defaultObjectUI?: 'keyvalue' | 'object' | 'keyvalue:only' | 'object:only' | 'arrayeditor'
  unsafe_hidden?: boolean
  readOnly?: boolean
  depends_on?: DependsOnConditions
  category?: FieldCategory
  displayMode?: FieldDisplayMode
  disabledInputMethods?: FieldInputMethods[]
  minimum?: number
  maximum?: number
}

interface BaseCondition {
  operator: 'is' | 'is_not'
}

export interface FieldCondition extends BaseCondition {
  fieldKey: string
  type?: 'field'
  value: Omit<FieldValue, 'Directive'> | Array<Omit<FieldValue, 'Directive'>> | undefined
}

export interface SyncModeCondition extends BaseCondition {
  type: 'syncMode'
  value: SyncMode
}

export type Condition = FieldCondition | SyncModeCondition

export interface DependsOnConditions {
  match?: 'any' | 'all'
  conditions: Condition[]
}

export type FieldValue = string | number | boolean | object | Directive

export interface IfDirective {
  '@if': {
    exists?: FieldValue
    then: FieldValue
    else?: FieldValue
  }
}

export interface TemplateDirective {
  '@template': string
}

export interface PathDirective {
  '@path': string
}

export interface CaseDirective {
  '@case': {
    operator: string
    value: FieldValue
  }
}

export type Directive = IfDirective | TemplateDirective | PathDirective | CaseDirective

// Extra request options derived from the bundle (settings, auth, payload, ...).
export type RequestExtension<Settings, Payload = undefined> = (data: ExecuteInput<Settings, Payload>) => RequestOptions

export interface DeletionPayload {
  userId: ID
  anonymousId: ID
}

export type Deletion<Settings, Return = unknown> = (
  request: RequestClient,
  data: ExecuteInput<Settings, DeletionPayload>
) => MaybePromise<Return>

export const syncModeTypes = ['add', 'update', 'upsert', 'delete', 'mirror'] as const

export type SyncMode = (typeof syncModeTypes)[number]

export interface SyncModeOption {
  label: string
  value: SyncMode
}

export interface SyncModeDefinition {
  default: SyncMode
  label: string
  description: string
  choices: SyncModeOption[]
}

export type ActionDestinationSuccessResponseType = {
  status: number
  sent: JSONLikeObject | string
  body: JSONLikeObject | string
}

export type ActionDestinationErrorResponseType = {
  status: number
  errortype?: keyof typeof ErrorCodes
  errormessage: string
  sent?: JSONLikeObject | string
  body?: JSONLikeObject | string
}

export type ResultMultiStatusNode =
  | ActionDestinationSuccessResponseType
  | (ActionDestinationErrorResponseType & { errorreporter: MultiStatusErrorReporter })

// Declared here (not in action.ts) so types.ts has no runtime import cycle.
export type RequestFn<
  Settings,
  Payload,
  Return = any, // eslint-disable-line @typescript-eslint/no-explicit-any -- perform may return anything
  AudienceSettings = any, // eslint-disable-line @typescript-eslint/no-explicit-any
  ActionHookInputs = any, // eslint-disable-line @typescript-eslint/no-explicit-any
  AudienceMembershipType = AudienceMembership | AudienceMembership[]
> = (
  request: RequestClient,
  data: ExecuteInput<Settings, Payload, AudienceSettings, ActionHookInputs, any, AudienceMembershipType> // eslint-disable-line @typescript-eslint/no-explicit-any
) => MaybePromise<Return>
