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

const noop = (): void => undefined

// What a test hands on to the execution, with the reference's defaults for what it leaves out
// (empty contexts and a silent logger), so perform sees the same objects as under the reference.
function passedThrough<T>(input: Omit<InputData<T>, 'event'>, batch: boolean) {
  return {
    auth: input.auth,
    features: input.features ?? {},
    statsContext: input.statsContext ?? ({} as StatsContext),
    logger: input.logger ?? ((batch ? {} : { info: noop, error: noop }) as Logger),
    engageDestinationCache: batch
      ? (input.engageDestinationCache ?? ({} as EngageDestinationCache))
      : input.engageDestinationCache,
    transactionContext: input.transactionContext ?? ({} as TransactionContext),
    stateContext: input.stateContext ?? ({} as StateContext),
    subscriptionMetadata: input.subscriptionMetadata ?? ({} as SubscriptionMetadata)
  }
}

// Settings exactly as the test gave them (not validated, nothing removed), as in the reference: a
// test that passes `oauth` or other keys sees them in perform.
function testSettings<T>(settings: T | undefined): T {
  return settings ?? ({} as T)
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
    // Every field in field order, those without a default included (as undefined), so payload keys
    // come out in the reference's order; the given mapping's values win.
    const defaults: JSONObject = {}
    for (const key of Object.keys(fields ?? {})) defaults[key] = fields?.[key]?.default as JSONObject[string]
    return { ...defaults, ...given }
  }

  // Like the reference, responses are handed over (and the list emptied) only when a call succeeds:
  // after a failed call they stay, and the next call's responses are added to them.
  private takeResponses(): Destination['responses'] {
    const responses = this.responses
    ;(this as { responses: Destination['responses'] }).responses = []
    return responses
  }

  async testAction(action: string, input: InputData<T>): Promise<Destination['responses']> {
    this.results = []
    this.results = await this.executeAction(action, {
      ...passedThrough(input, false),
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
    this.results = []
    const list = Array.isArray(input.events) && input.events.length > 0 ? input.events : [{ type: 'track' }]
    const multistatus = await this.executeBatch(action, {
      ...passedThrough(input, true),
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
