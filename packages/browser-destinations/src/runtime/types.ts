// Structural shapes of the Analytics.js 2.0 plugin protocol and of browser destination
// definitions. Declared here rather than imported: the runtime only needs what it touches, and
// shipped code must not depend on @segment/* (analytics-next is the host page's library).
import type { JSONObject } from '@action-destinations/core/mapping-kit'

export type { JSONObject, JSONValue } from '@action-destinations/core/mapping-kit'

/** Where a plugin runs in analytics-next's pipeline. */
export type PluginType = 'before' | 'after' | 'destination' | 'enrichment' | 'utility'

/** The lifecycle hooks an action may run in instead of `destination`. */
export type LifecycleHook = 'before' | 'enrichment' | 'after' | 'destination'

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

/** The event types a plugin is handed; `screen` exists only in mobile libraries. */
export type EventType = 'track' | 'page' | 'identify' | 'alias' | 'group' | 'screen'

/** A Segment event as the browser library builds it (only the fields the runtime reads are named). */
export interface SegmentEvent {
  type: EventType | string
  event?: string
  name?: string
  category?: string
  userId?: string | null
  anonymousId?: string | null
  groupId?: string | null
  previousId?: string | null
  messageId?: string
  timestamp?: Date | string
  properties?: object
  traits?: object
  context?: object
  integrations?: object
}

/** The per-event context analytics-next hands each plugin. */
export interface Context {
  event: SegmentEvent
  log(level: LogLevel, message: string, extras?: object): void
  stats: {
    increment(metric: string, by?: number, tags?: string[]): void
  }
  /** Sets a value at a dot-separated path of the event, creating objects on the way. */
  updateEvent(path: string, value: unknown): unknown
}

/** The part of analytics-next's user an action may read. */
export interface AnalyticsUser {
  id(): string | null | undefined
  anonymousId(): string | null | undefined
  traits(): object | undefined
}

/** The analytics instance a plugin is loaded into (analytics-next's `Analytics`, structurally). */
export interface Analytics {
  user(): AnalyticsUser
}

/** An Analytics.js 2.0 plugin. */
export interface Plugin {
  name: string
  /** `<destination name> <action key>`, as analytics-next matches integration options against it. */
  alternativeNames?: string[]
  version?: string
  type: PluginType
  isLoaded(): boolean
  load(ctx: Context, analytics: Analytics): Promise<unknown>
  unload?(ctx: Context, analytics: Analytics): Promise<unknown> | unknown
  ready?(): Promise<unknown>
  track?(ctx: Context): Promise<Context> | Context
  page?(ctx: Context): Promise<Context> | Context
  identify?(ctx: Context): Promise<Context> | Context
  alias?(ctx: Context): Promise<Context> | Context
  group?(ctx: Context): Promise<Context> | Context
  screen?(ctx: Context): Promise<Context> | Context
}

/** A subscription as the settings carry it: which action runs for which events, with which mapping. */
export interface Subscription {
  partnerAction: string
  subscribe: string
  enabled: boolean
  name?: string
  mapping?: JSONObject
}

/** Settings handed to a plugin factory: the destination's own settings plus its subscriptions. */
export type BrowserDestinationSettings = JSONObject & {
  /** An array, or the JSON string of one (as the CDN settings carry it). */
  subscriptions?: Subscription[] | string
}

/** Helpers handed to `initialize`. */
export interface BrowserDestinationDependencies {
  loadScript(src: string, attributes?: Record<string, string>): Promise<HTMLScriptElement>
  resolveWhen(condition: () => boolean, timeout?: number): Promise<void>
}

/** A field of an action or a setting, as the cloud definitions declare them. */
export interface FieldDefinition {
  label: string
  description: string
  type: 'string' | 'text' | 'number' | 'integer' | 'boolean' | 'datetime' | 'object' | 'password' | 'hidden'
  required?: boolean
  multiple?: boolean
  default?: unknown
  choices?: Array<string | { label: string; value: string }>
  format?: string
  properties?: Record<string, FieldDefinition>
  additionalProperties?: boolean
  /** Kept out of the settings UI; used here for the vendor script URL override. */
  unsafe_hidden?: boolean
}

/** What `perform` receives besides the vendor client. */
export interface BrowserActionInput<Settings, Payload> {
  payload: Payload
  mapping: JSONObject
  settings: Settings
  analytics: Analytics
  context: Context
}

export interface BrowserActionDefinition<Settings, Client, Payload = JSONObject> {
  title: string
  description: string
  platform: 'web'
  /** Where the action's plugin runs; `destination` when absent. */
  lifecycleHook?: LifecycleHook
  defaultSubscription?: string
  hidden?: boolean
  fields: Record<string, FieldDefinition>
  perform(client: Client, input: BrowserActionInput<Settings, Payload>): unknown
}

export interface Preset {
  name: string
  subscribe: string
  partnerAction: string
  mapping?: JSONObject
  type?: 'automatic' | 'specificEvent'
}

export interface BrowserDestinationDefinition<Settings = unknown, Client = unknown> {
  name: string
  slug?: string
  mode: 'device'
  description?: string
  settings?: Record<string, FieldDefinition>
  presets?: Preset[]
  /** Runs once per destination, before any action; its result is the client every action gets. */
  initialize(
    input: { settings: Settings; analytics: Analytics },
    dependencies: BrowserDestinationDependencies
  ): Promise<Client> | Client
  /** Payload types differ per action (`perform` is a method, so each action's own type fits here). */
  actions: Record<string, BrowserActionDefinition<Settings, Client, unknown>>
}

/** `browserDestination(definition)`: settings in, one plugin per subscribed action out. */
export interface PluginFactory {
  (settings: BrowserDestinationSettings): Promise<Plugin[]>
  pluginName: string
}
