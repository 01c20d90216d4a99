import { Destination } from './destination-kit'
import type {
  DestinationDefinition,
  StatsContext,
  Logger,
  EngageDestinationCache,
  RequestFn,
  SubscriptionMetadata,
  StateContext,
  TransactionContext
} from './destination-kit'
import type { JSONObject } from './json-object'
import type { SegmentEvent } from './segment-event'
import type { AuthTokens } from './destination-kit/parse-settings'
import type { Features } from './mapping-kit'
import type { ExecuteDynamicFieldInput } from './destination-kit/action'
import type { DynamicFieldResponse, Result } from './destination-kit/types'
import { createTestEvent } from './create-test-event'

interface InputData<Settings> {
  event?: Partial<SegmentEvent>
  mapping?: JSONObject
  settings?: Settings
  useDefaultMappings?: boolean
  auth?: AuthTokens
  features?: Features
  statsContext?: StatsContext
  logger?: Logger
  engageDestinationCache?: EngageDestinationCache
  transactionContext?: TransactionContext
  stateContext?: StateContext
  subscriptionMetadata?: SubscriptionMetadata
}

// What a test hands on unchanged to the execution, for single events and batches alike.
function passedThrough<T>(input: Omit<InputData<T>, 'event'>) {
  return {
    auth: input.auth,
    features: input.features ?? {},
    statsContext: input.statsContext,
    logger: input.logger,
    engageDestinationCache: input.engageDestinationCache,
    transactionContext: input.transactionContext,
    stateContext: input.stateContext,
    subscriptionMetadata: input.subscriptionMetadata
  }
}

const RESERVED_SETTINGS = ['subscription', 'subscriptions', 'subcription', 'oauth']

// Settings as the test gave them (not validated, like the reference), minus the platform's keys.
function testSettings<T>(settings: T | undefined): T {
  if (settings === null || typeof settings !== 'object') return {} as T
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(settings)) {
    if (!RESERVED_SETTINGS.includes(key)) out[key] = (settings as Record<string, unknown>)[key]
  }
  return out as T
}

// A Destination for unit tests: runs one action directly (no subscription) and keeps every
// response of the last test call in `responses` and its results in `results`.
/* eslint-disable @typescript-eslint/no-explicit-any -- same defaults as the reference */
class TestDestination<T, AudienceSettings = any> extends Destination<T, AudienceSettings> {
  declare responses: Destination['responses']
  results: Result[] = []

  constructor(destination: DestinationDefinition<T>) {
    super(destination)
    // Tests read every response of a call, so the harness does not trim the list.
    this.maxResponses = Number.POSITIVE_INFINITY
    this.maxResponseBytes = Number.POSITIVE_INFINITY
  }

  async testDynamicField(
    action: string,
    fieldKey: string,
    data: ExecuteDynamicFieldInput<T, object>,
    dynamicFn?: RequestFn<any, any, DynamicFieldResponse, AudienceSettings>
  ): Promise<never[] | DynamicFieldResponse> {
    return this.executeDynamicField(action, fieldKey, data, dynamicFn)
  }

  private mappingFor(
    action: string,
    mapping: JSONObject | undefined,
    useDefaultMappings: boolean | undefined
  ): JSONObject {
    const given = mapping ?? {}
    if (!useDefaultMappings) return given
    const fields = Object.prototype.hasOwnProperty.call(this.definition.actions, action)
      ? (this.definition.actions[action].fields as Record<string, { default?: unknown }> | undefined)
      : undefined
    const defaults: JSONObject = {}
    for (const key of Object.keys(fields ?? {})) {
      const value = fields?.[key]?.default
      if (value !== undefined) defaults[key] = value as JSONObject[string]
    }
    return { ...defaults, ...given }
  }

  private takeResponses(): Destination['responses'] {
    const responses = this.responses
    ;(this as { responses: Destination['responses'] }).responses = []
    return responses
  }

  async testAction(action: string, input: InputData<T>): Promise<Destination['responses']> {
    ;(this as { responses: Destination['responses'] }).responses = []
    this.results = await this.executeAction(action, {
      ...passedThrough(input),
      event: createTestEvent(input.event),
      mapping: this.mappingFor(action, input.mapping, input.useDefaultMappings),
      settings: testSettings(input.settings)
    })
    return this.takeResponses()
  }

  async testBatchAction(
    action: string,
    input: Omit<InputData<T>, 'event'> & { events?: SegmentEvent[] }
  ): Promise<Destination['responses']> {
    ;(this as { responses: Destination['responses'] }).responses = []
    const list = Array.isArray(input.events) && input.events.length > 0 ? input.events : [{}]
    const multistatus = await this.executeBatch(action, {
      ...passedThrough(input),
      events: list.map((e) => createTestEvent(e as Partial<SegmentEvent>)),
      mapping: this.mappingFor(action, input.mapping, input.useDefaultMappings),
      settings: testSettings(input.settings)
    })
    this.results = [{ multistatus }]
    return this.takeResponses()
  }
}

export type { TestDestination }

export function createTestIntegration<T>(destination: DestinationDefinition<T>): TestDestination<T> {
  return new TestDestination(destination)
}
