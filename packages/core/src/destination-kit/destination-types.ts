import type { JSONLikeObject, JSONObject } from '../json-object'
import type { SegmentEvent } from '../segment-event'
import type { Features } from '../mapping-kit'
import type { Action, ActionDefinition, BaseActionDefinition } from './action'
import type { AuthTokens } from './parse-settings'
import type { AuthenticationScheme, RefreshAccessTokenResult } from './auth-types'
import type { Preset } from './subscription-types'
import type {
  Logger,
  StatsContext,
  TransactionContext,
  StateContext,
  EngageDestinationCache,
  SubscriptionMetadata
} from './contexts'
import type { RequestExtension, Result, Deletion, GlobalSetting } from './types'

// The definitions a destination is written as, and the options its runtime calls take.

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

export interface PartnerActions<Settings, Payload extends JSONLikeObject, AudienceSettings = any> {
  [key: string]: Action<Settings, Payload, AudienceSettings>
}

export interface EventInput<Settings> {
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

export interface BatchEventInput<Settings> extends Omit<EventInput<Settings>, 'event'> {
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
