// Shapes of the console API's answers (packages/delivery/src/console).
import type { ActionInfo, FieldInfo, SavedSubscription } from '../types'

export interface ConsoleSubscription extends SavedSubscription {
  id: string
}

export interface Series {
  start: number
  step: number
  delivered: number[]
  failed: number[]
  retried: number[]
  received: number[]
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

export interface EventSummary {
  id: string
  source: string
  messageId: string
  receivedAt: number
  type: string
  name?: string
}

export interface JobError {
  status?: number
  code: string
  message: string
}

export interface JobState {
  jobId: string
  instance: string
  subscriptionId: string
  subscriptionName?: string
  action: string
  state: 'pending' | 'delivered' | 'dead'
  attempts: number
  dueAt?: number
  lastError?: JobError
}

export interface EventDetail {
  summary: EventSummary
  event: Record<string, unknown>
  jobs: JobState[]
}

export interface Funnel {
  received: number
  filteredNoMatch: number
  filteredDisabled: number
  failedValidation: number
  delivered: number
  retried: number
  failed: Record<string, number>
  deadLettered: Record<string, number>
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

export interface Attempt {
  id: string
  subscriptionName?: string
  instance: string
  subscriptionId: string
  at: number
  messageIds: string[]
  outcome: 'delivered' | 'retry' | 'failed' | 'dead'
  status?: number
  error?: JobError
  durationMs?: number
  request?: { method: string; url: string; headers: Record<string, string>; body?: string }
  response?: { status: number; headers: Record<string, string>; body?: string }
  nextRetryAt?: number
}

export interface DeadLetter {
  jobId: string
  subscriptionName?: string
  instance: string
  subscriptionId: string
  action: string
  messageId: string
  source: string
  receivedAt: number
  deadAt: number
  attempts: number
  error: JobError
  body: string
}

export interface MappingCheck {
  payload: Record<string, unknown> | null
  problems: Array<{ field?: string; message: string }>
  stage: 'mapping' | 'schema'
}
