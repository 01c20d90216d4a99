import type { JSONObject } from '../json-object'
import type { Features } from '../mapping-kit'
import type { MultiStatusResponse } from '../multistatus'
import type { ActionHookType } from './hook-types'
import type { AuthTokens } from './parse-settings'
import type {
  DynamicFieldResponse,
  InputField,
  DynamicFieldContext,
  AudienceMembership,
  RequestFn,
  SyncModeDefinition,
  MaybePromise
} from './types'
import type {
  Logger,
  StatsContext,
  Personas,
  TransactionContext,
  StateContext,
  EngageDestinationCache,
  SubscriptionMetadata
} from './contexts'

// What an action is written as (fields, perform, performBatch, hooks, dynamic fields) and the
// bundle its runtime calls take.

/* eslint-disable @typescript-eslint/no-explicit-any -- generic defaults mirror the reference's public types */

interface ReservedInputFields {
  batch_keys?: {
    label: string
    description: string
    type: 'string'
    unsafe_hidden?: true
    multiple?: true
    required?: false
    default?: string[]
  }
}

type ActionFields = Omit<Record<string, InputField>, keyof ReservedInputFields> & ReservedInputFields

export interface BaseActionDefinition {
  title: string
  description: string
  platform?: 'cloud' | 'web'
  defaultSubscription?: string
  hidden?: boolean
  fields: ActionFields
}

type HookValueTypes = string | boolean | number | Array<string | boolean | number>
type GenericActionHookValues = Record<string, HookValueTypes>
type IsArray<T> = T extends (infer U)[] ? U : never
type PerformBatchResponse = MaybePromise<MultiStatusResponse> | MaybePromise<unknown>

export interface ActionDefinition<
  Settings,
  Payload = any,
  AudienceSettings = any,
  GeneratedActionHookInputs = any,
  GeneratedActionHookOutputs = any
> extends BaseActionDefinition {
  dynamicFields?: {
    [K in keyof Payload]?: IsArray<Payload[K]> extends never
      ? Payload[K] extends object | undefined
        ? {
            [ObjectProperty in keyof NonNullable<Payload[K]> | '__keys__' | '__values__']?: RequestFn<
              Settings,
              Payload,
              DynamicFieldResponse,
              AudienceSettings
            >
          }
        : RequestFn<Settings, Payload, DynamicFieldResponse, AudienceSettings>
      : IsArray<Payload[K]> extends object
        ? {
            [ObjectProperty in keyof NonNullable<IsArray<Payload[K]>> | '__keys__' | '__values__']?: RequestFn<
              Settings,
              Payload,
              DynamicFieldResponse,
              AudienceSettings
            >
          }
        : never
  }
  perform: RequestFn<Settings, Payload, any, AudienceSettings, any, AudienceMembership>
  performBatch?: RequestFn<Settings, Payload[], PerformBatchResponse, AudienceSettings, any, AudienceMembership[]>
  hooks?: {
    [K in ActionHookType]?: ActionHookDefinition<
      Settings,
      Payload,
      AudienceSettings,
      NonNullable<GeneratedActionHookInputs>,
      NonNullable<GeneratedActionHookOutputs>
    >
  }
  syncMode?: SyncModeDefinition
}

export interface ActionHookResponse<GeneratedActionHookOutputs> {
  successMessage?: string
  savedData?: GeneratedActionHookOutputs
  error?: { message: string; code: string }
}

export interface ActionHookDefinition<
  Settings,
  Payload,
  AudienceSettings,
  GeneratedActionHookTypesInputs,
  GeneratedActionHookOutputs
> {
  label: string
  description: string
  inputFields?: Record<
    string,
    Omit<InputField, 'dynamic'> & {
      dynamic?: RequestFn<Settings, Payload, DynamicFieldResponse, AudienceSettings, GeneratedActionHookTypesInputs>
    }
  >
  outputTypes?: Record<string, { label: string; description: string; type: string; required: boolean }>
  performHook: RequestFn<
    Settings,
    Payload,
    ActionHookResponse<GeneratedActionHookOutputs>,
    AudienceSettings,
    GeneratedActionHookTypesInputs
  >
}

export interface ExecuteDynamicFieldInput<Settings, Payload, AudienceSettings = any> {
  settings: Settings
  audienceSettings?: AudienceSettings
  payload: Payload
  page?: string
  auth?: AuthTokens
  features?: Features | undefined
  statsContext?: StatsContext | undefined
  hookInputs?: GenericActionHookValues
  dynamicFieldContext?: DynamicFieldContext
}

export interface ExecuteBundle<T = unknown, Data = unknown, AudienceSettings = any, ActionHookValues = any> {
  data: Data
  settings: T
  audienceSettings?: AudienceSettings
  mapping: JSONObject
  auth: AuthTokens | undefined
  hookOutputs?: Record<ActionHookType, ActionHookValues>
  features?: Features | undefined
  statsContext?: StatsContext | undefined
  personasContext?: Personas | undefined
  logger?: Logger | undefined
  engageDestinationCache?: EngageDestinationCache
  transactionContext?: TransactionContext
  stateContext?: StateContext
  subscriptionMetadata?: SubscriptionMetadata
  signal?: AbortSignal
}
