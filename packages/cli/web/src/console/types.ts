// Shapes of the console API's answers (packages/delivery/src/console). The store's records and the
// funnel are the engine's own types (type-only imports, erased by esbuild); the rest are shapes the
// console routes build for the page.
import type {
  DeadLetter as StoredDeadLetter,
  EventSummary,
  Funnel,
  JobError,
  JobState as StoredJobState,
  Series,
  StoredAttempt
} from '@action-destinations/delivery'
import type { ActionInfo, FieldInfo, SavedSubscription } from '../types'

export type { EventSummary, Funnel, JobError, Series }

export interface ConsoleSubscription extends SavedSubscription {
  id: string
}

export interface ListedSubscription extends ConsoleSubscription {
  lastHour: { delivered: number; failed: number; series: Series }
  pending: number
  dead: number
}

export interface Instance {
  name: string
  destination: string
  destinationName: string
  enabled: boolean
  sources: string[]
  settings: Record<string, unknown>
  subscriptions: ConsoleSubscription[]
  maxConcurrency?: number
}

export interface ListedInstance extends Omit<Instance, 'subscriptions'> {
  subscriptions: ListedSubscription[]
}

export interface DestinationsAnswer {
  version: number
  sources: Array<{ name: string }>
  destinations: ListedInstance[]
}

export interface RegistryItem {
  id: string
  key: string
  name: string
  slug?: string
  description?: string
}

export interface Preset {
  name?: string
  partnerAction: string
  subscribe: string
  mapping?: Record<string, unknown>
}

export interface DestinationManifest {
  destination: RegistryItem & { settings: Record<string, FieldInfo>; presets: Preset[] }
  actions: Record<string, ActionInfo>
}

export interface JobState extends StoredJobState {
  subscriptionName?: string
}

export interface EventDetail {
  summary: EventSummary
  event: Record<string, unknown>
  jobs: JobState[]
}

export interface SubscriptionOverview {
  instance: string
  subscriptionId: string
  name: string
  enabled: boolean
  funnel: Funnel
  series: Series
  pending: number
  dead: number
}

export interface Attempt extends StoredAttempt {
  subscriptionName?: string
}

export interface DeadLetter extends StoredDeadLetter {
  subscriptionName?: string
}

export interface MappingCheck {
  payload: Record<string, unknown> | null
  problems: Array<{ field?: string; message: string }>
  stage: 'mapping' | 'schema'
}
