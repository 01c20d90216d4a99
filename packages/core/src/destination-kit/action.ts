import { EventEmitter } from 'events'
import type { JSONSchema4 } from 'json-schema'
import type { ValidateFunction } from 'ajv'
import { AggregateAjvError } from '@action-destinations/ajv-human-errors'
import { IntegrationError, MultiStatusErrorReporter, getErrorCodeFromHttpStatus } from '../errors'
import { MultiStatusResponse, ActionDestinationSuccessResponse, ActionDestinationErrorResponse } from '../multistatus'
import type { JSONLikeObject, JSONObject } from '../json-object'
import type { InputData, Features } from '../mapping-kit'
import { resolveAudienceMembership } from '../audience-membership'
import { HTTPError } from '../request-client'
import { fieldsToJsonSchema } from './fields-to-jsonschema'
import type { MinimalFields } from './fields-to-jsonschema'
import { getValidator } from './ajv'
import { validateSchema } from '../schema-validation'
import { compileRemover } from './empty-values'
import { prepareMapping, SYNC_MODE_KEY } from './prepare-mapping'
import type { PreparedMapping } from './prepare-mapping'
import { makeRequestClient } from './make-request-client'
import { DEFAULT_ACTION_DEADLINE_MS, withDeadline } from './deadline'
import type { ResponseRecorder } from './make-request-client'
import { isResponse, responseBody } from './is-response'
import { hookTypeStrings } from './hook-types'
import { findDynamicFieldHandler } from './dynamic-field-handler'
import type { ActionHookType } from './hook-types'
import type {
  DynamicFieldResponse,
  InputField,
  RequestExtension,
  ExecuteInput,
  Result,
  SyncModeDefinition,
  DynamicFieldContext,
  ResultMultiStatusNode,
  AudienceMembership,
  RequestFn,
  SyncMode,
  MaybePromise
} from './types'
import { syncModeTypes } from './types'
import type { AuthTokens } from './parse-settings'
import type {
  Logger,
  StatsContext,
  Personas,
  TransactionContext,
  StateContext,
  EngageDestinationCache,
  SubscriptionMetadata
} from './contexts'

export { hookTypeStrings }
export type { ActionHookType, RequestFn }
export { MultiStatusResponse, ActionDestinationSuccessResponse, ActionDestinationErrorResponse }

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

const MISSING_RESPONSE = 'MultiStatusResponse is missing a response at the specified index'
const EMPTY_FEATURES: Features = Object.freeze({}) as Features
// A mapping's sync mode reaches perform when it is one of these, whatever the action's own choices.
const FRAMEWORK_SYNC_MODES: ReadonlySet<unknown> = new Set(syncModeTypes)

// A 400 AggregateAjvError, the way payload and settings validation report problems.
export function payloadValidationError(validate: ValidateFunction): AggregateAjvError {
  const error = new AggregateAjvError(validate.errors) as AggregateAjvError & { status?: number }
  error.status = 400
  return error
}

// One action of a destination: its compiled payload schema, mapping cache and perform functions.
export class Action<Settings, Payload extends JSONLikeObject, AudienceSettings = any> extends EventEmitter {
  readonly definition: ActionDefinition<Settings, Payload, AudienceSettings>
  readonly destinationName: string
  readonly schema?: JSONSchema4
  readonly hookSchemas?: Record<string, JSONSchema4>
  readonly hasBatchSupport: boolean
  readonly hasHookSupport: boolean
  private extendRequest: RequestExtension<Settings, any> | undefined
  // Compiled on first use, as the reference does: a test file exercises few of a destination's actions.
  private compiledValidator?: ValidateFunction
  // The same checks without the top-level search for unknown keys, for mappings that cannot
  // produce one (built on first use).
  private knownKeysValidator?: ValidateFunction
  private readonly removeEmpty?: (value: unknown) => unknown
  // In a batch the reference keeps a top-level "" (its removal is not told it is at the root).
  private readonly removeEmptyInBatch?: (value: unknown) => unknown
  // Whether the action defines `syncMode` (perform only gets a sync mode then).
  private readonly hasSyncMode: boolean
  // Whether a field is required under a condition on the sync mode: the mapping's sync mode then
  // takes part in payload validation, as in the reference.
  private readonly syncModeInSchema: boolean
  // Top-level fields whose schema is an array: a single value is wrapped before validation.
  private readonly arrayKeys: readonly string[] = []
  private readonly hookNames: readonly string[]
  private readonly mappings = new WeakMap<object, PreparedMapping>()
  // Set by the Destination so responses land in its bounded `responses` list.
  recordResponse?: ResponseRecorder
  /** Milliseconds one perform / performBatch call may take (SelfTimeoutError after); 0 or Infinity: no deadline. */
  deadlineMs = DEFAULT_ACTION_DEADLINE_MS

  constructor(
    destinationName: string,
    definition: ActionDefinition<Settings, Payload, AudienceSettings>,
    extendRequest?: RequestExtension<Settings, any>
  ) {
    super()
    if (definition === null || typeof definition !== 'object') {
      throw new TypeError(`Action definition of "${destinationName}" must be an object`)
    }
    if (typeof definition.perform !== 'function') {
      throw new TypeError(
        `Action "${definition.title ?? '(untitled)'}" of "${destinationName}" needs a perform function`
      )
    }
    this.definition = definition
    this.destinationName = destinationName
    this.extendRequest = extendRequest
    this.hasBatchSupport = typeof definition.performBatch === 'function'
    this.hasHookSupport = definition.hooks !== undefined && definition.hooks !== null

    const fields = definition.fields
    if (fields && typeof fields === 'object' && Object.keys(fields).length > 0) {
      this.schema = fieldsToJsonSchema(fields as MinimalFields)
      this.removeEmpty = compileRemover(this.schema, true)
      this.removeEmptyInBatch = compileRemover(this.schema, false)
      const properties = this.schema.properties ?? {}
      this.arrayKeys = Object.keys(properties).filter((key) => properties[key]?.type === 'array')
    }
    this.syncModeInSchema = this.schema !== undefined && JSON.stringify(this.schema).includes(`"${SYNC_MODE_KEY}"`)
    if (this.hasHookSupport) {
      const hookSchemas: Record<string, JSONSchema4> = {}
      for (const hookType of hookTypeStrings) {
        const inputFields = definition.hooks?.[hookType]?.inputFields
        if (inputFields) hookSchemas[hookType] = fieldsToJsonSchema(inputFields as MinimalFields)
      }
      this.hookSchemas = hookSchemas
    }
    this.hasSyncMode = Boolean(definition.syncMode)
    this.hookNames = this.hasHookSupport ? Object.keys(definition.hooks as object) : []
  }

  private prepared(mapping: JSONObject): PreparedMapping {
    if (mapping === null || typeof mapping !== 'object') return prepareMapping(mapping, this.hookNames)
    let prepared = this.mappings.get(mapping)
    if (!prepared) {
      prepared = prepareMapping(mapping, this.hookNames)
      prepared.validate = this.validatorFor(prepared.payloadKeys)
      this.mappings.set(mapping, prepared)
    }
    return prepared
  }

  /**
   * With `removeAdditional`, Ajv looks up every key of every payload in the schema's properties.
   * When every key the mapping can produce is a property, nothing can be removed: a copy of the
   * schema without the top-level `additionalProperties` validates and coerces the same way.
   */
  private get validator(): ValidateFunction | undefined {
    return this.schema && (this.compiledValidator ??= getValidator(this.schema))
  }

  private validatorFor(keys: readonly string[] | undefined): ValidateFunction | undefined {
    const schema = this.schema
    const properties = schema?.properties
    if (!schema || !properties || !keys || schema.additionalProperties !== false) return this.validator
    if (!keys.every((key) => Object.prototype.hasOwnProperty.call(properties, key))) return this.validator
    if (!this.knownKeysValidator) {
      const { additionalProperties: _dropped, ...open } = schema
      this.knownKeysValidator = getValidator(open)
    }
    return this.knownKeysValidator
  }

  // Empty values dropped, then validated and coerced. Throws a 400 AggregateAjvError.
  private validPayload(payload: unknown, prepared: PreparedMapping, data: unknown): unknown {
    const value = this.cleaned(payload, false)
    const withSyncMode = this.withSyncMode(value, prepared, data)
    const validate = (withSyncMode ? this.validator : (prepared.validate ?? this.validator)) as ValidateFunction
    const checked = withSyncMode ?? value
    // No status here (as in the reference); Destination.onEvent marks it 400.
    if (!validate(checked)) throw new AggregateAjvError(validate.errors)
    return checked
  }

  // The payload as the reference validates it: empty values removed (a top-level "" only outside
  // batches) and single values of array fields wrapped (its arrify step).
  private cleaned(payload: unknown, batch: boolean): unknown {
    const removeEmpty = (batch ? this.removeEmptyInBatch : this.removeEmpty) as (value: unknown) => unknown
    return this.wrapArrayFields(removeEmpty(payload))
  }

  // When a field is required under a sync-mode condition, the reference validates the payload with
  // the mapping's sync mode still in it; the full schema's `additionalProperties: false` then
  // removes the key. Undefined when there is nothing to add.
  private withSyncMode(value: unknown, prepared: PreparedMapping, data: unknown): Record<string, unknown> | undefined {
    if (!this.syncModeInSchema || !prepared.meta || !isRecord(value)) return undefined
    const syncMode = prepared.meta(data).syncMode
    if (syncMode === undefined || syncMode === null || syncMode === '') return undefined
    return { ...value, [SYNC_MODE_KEY]: syncMode }
  }

  // A single value given to a `multiple` field becomes a one-item array (objects included, which
  // Ajv's own coercion does not wrap). Copies the payload's top level only when something changes.
  private wrapArrayFields(value: unknown): unknown {
    const keys = this.arrayKeys
    if (keys.length === 0 || !isRecord(value)) return value
    let out = value
    for (const key of keys) {
      const item = out[key]
      if (item === undefined || item === null || Array.isArray(item)) continue
      if (!Object.prototype.hasOwnProperty.call(out, key)) continue
      if (out === value) out = { ...value }
      out[key] = [item]
    }
    return out
  }

  private syncModeOf(value: unknown): SyncMode | undefined {
    return this.hasSyncMode && FRAMEWORK_SYNC_MODES.has(value) ? (value as SyncMode) : undefined
  }

  execute(bundle: ExecuteBundle<Settings, InputData | undefined, AudienceSettings>): Promise<Result[]> {
    try {
      return Promise.resolve(this.executeNow(bundle))
    } catch (error) {
      return Promise.reject(error)
    }
  }

  /**
   * `execute` without a promise when perform answers synchronously: the runtime's per-event path
   * then needs no promise of its own. Throws what `execute` would reject with.
   * @internal
   */
  executeNow(bundle: ExecuteBundle<Settings, InputData | undefined, AudienceSettings>): Result[] | Promise<Result[]> {
    const prepared = this.prepared(bundle.mapping)
    const results: Result[] = [{ output: 'Mappings resolved' }]
    let payload: unknown = prepared.payload(bundle.data)
    if (this.schema) {
      payload = this.validPayload(payload, prepared, bundle.data)
      results.push({ output: 'Payload validated' })
    }

    let syncMode: SyncMode | undefined
    let matchingKey: string | undefined
    if (prepared.meta) {
      const meta = prepared.meta(bundle.data)
      syncMode = this.syncModeOf(meta.syncMode)
      matchingKey = meta.matchingKey
    }

    const data = this.executeInput(bundle, payload as Payload, prepared, bundle.data)
    data.syncMode = syncMode
    data.matchingKey = matchingKey
    data.audienceMembership = resolveAudienceMembership(bundle.data, syncMode)

    const perform = this.definition.perform as RequestFn<Settings, Payload, unknown, AudienceSettings>
    const output = perform(this.requestClient(data), data)
    if (isThenable(output)) {
      return withDeadline(output, this.deadlineMs, this.describeCall('perform')).then((value) =>
        withOutput(results, value)
      )
    }
    return withOutput(results, output)
  }

  async executeBatch(bundle: ExecuteBundle<Settings, InputData[], AudienceSettings>): Promise<ResultMultiStatusNode[]> {
    const outcome = await this.runBatch(bundle)
    if (outcome.error !== undefined) throw outcome.error
    return outcome.nodes
  }

  // Runs a batch and reports every event: validation failures, performBatch results, and,
  // when performBatch throws, the error (with one error node per sent payload in `nodes`).
  async runBatch(
    bundle: ExecuteBundle<Settings, InputData[], AudienceSettings>
  ): Promise<{ nodes: ResultMultiStatusNode[]; error?: unknown }> {
    const performBatch = this.definition.performBatch
    if (typeof performBatch !== 'function') {
      throw new IntegrationError('This action does not support batched requests.', 'NotImplemented', 501)
    }
    const events = Array.isArray(bundle.data) ? bundle.data : []
    const prepared = this.prepared(bundle.mapping)
    const nodes: ResultMultiStatusNode[] = new Array(events.length)
    const payloads: Payload[] = []
    const indices: number[] = []
    const memberships: AudienceMembership[] = []
    let syncMode: SyncMode | undefined
    let matchingKey: string | undefined
    let metaRead = false

    for (let i = 0; i < events.length; i++) {
      let payload: unknown = prepared.payload(events[i])
      if (this.schema) {
        payload = this.cleaned(payload, true)
        const withSyncMode = this.withSyncMode(payload, prepared, events[i])
        const validate = (withSyncMode ? this.validator : (prepared.validate ?? this.validator)) as ValidateFunction
        payload = withSyncMode ?? payload
        if (!validate(payload)) {
          nodes[i] = {
            status: 400,
            errortype: 'PAYLOAD_VALIDATION_FAILED',
            errormessage: new AggregateAjvError(validate.errors).message,
            errorreporter: MultiStatusErrorReporter.INTEGRATIONS
          }
          continue
        }
      }
      if (prepared.meta && !metaRead) {
        const meta = prepared.meta(events[i])
        syncMode = this.syncModeOf(meta.syncMode)
        matchingKey = meta.matchingKey
        metaRead = true
      }
      payloads.push(payload as Payload)
      indices.push(i)
      memberships.push(resolveAudienceMembership(events[i], syncMode))
    }
    if (payloads.length === 0) return { nodes }

    const data = this.executeInput(bundle, payloads, prepared, events) as unknown as ExecuteInput<
      Settings,
      Payload[],
      AudienceSettings,
      any,
      any,
      AudienceMembership[]
    >
    data.syncMode = syncMode
    data.matchingKey = matchingKey
    data.audienceMembership = memberships

    let output: unknown
    try {
      output = await withDeadline(
        performBatch(this.requestClient(data), data),
        this.deadlineMs,
        this.describeCall('performBatch')
      )
    } catch (error) {
      const node = errorNode(error)
      for (const index of indices) nodes[index] = node
      return { nodes, error }
    }
    this.fillBatchNodes(nodes, indices, payloads, output)
    return { nodes }
  }

  private fillBatchNodes(
    nodes: ResultMultiStatusNode[],
    indices: number[],
    payloads: Payload[],
    output: unknown
  ): void {
    if (output instanceof MultiStatusResponse) {
      for (let j = 0; j < indices.length; j++) {
        const response = output.getResponseAtIndex(j)
        nodes[indices[j]] = response ? multiStatusNode(response) : missingNode()
      }
      return
    }
    // An HTTPError returned (not thrown) by performBatch: its status, with its message as the body.
    if (output instanceof HTTPError) {
      const status = (output.response as { status?: unknown } | undefined)?.status
      for (let j = 0; j < indices.length; j++) {
        nodes[indices[j]] = { status: status as number, body: output.message, sent: payloads[j] }
      }
      return
    }
    if (isResponse(output)) {
      const body = responseBody(output) as JSONLikeObject | string
      for (let j = 0; j < indices.length; j++) {
        nodes[indices[j]] = { status: output.status, body, sent: payloads[j] }
      }
      return
    }
    for (let j = 0; j < indices.length; j++) nodes[indices[j]] = { status: 200, body: {}, sent: payloads[j] }
  }

  private executeInput(
    bundle: ExecuteBundle<Settings, unknown, AudienceSettings>,
    payload: unknown,
    prepared: PreparedMapping,
    rawData: unknown
  ): ExecuteInput<Settings, Payload, AudienceSettings> {
    return {
      rawData,
      rawMapping: bundle.mapping,
      settings: bundle.settings,
      audienceSettings: bundle.audienceSettings,
      payload: payload as Payload,
      auth: bundle.auth,
      features: bundle.features ?? EMPTY_FEATURES,
      statsContext: bundle.statsContext,
      logger: bundle.logger,
      engageDestinationCache: bundle.engageDestinationCache,
      transactionContext: bundle.transactionContext,
      stateContext: bundle.stateContext,
      subscriptionMetadata: bundle.subscriptionMetadata,
      personasContext: bundle.personasContext,
      signal: bundle.signal,
      hookOutputs: bundle.hookOutputs ?? prepared.hookOutputs ?? {}
    }
  }

  async executeDynamicField(
    field: string,
    data: ExecuteDynamicFieldInput<Settings, Payload, AudienceSettings>,
    dynamicFn?: RequestFn<Settings, Payload, DynamicFieldResponse, AudienceSettings>
  ): Promise<DynamicFieldResponse> {
    if (typeof dynamicFn === 'function') {
      const input = { ...data } as unknown as ExecuteInput<Settings, Payload, AudienceSettings>
      return bodyOf(await dynamicFn(this.requestClient(input), input))
    }
    const { handler, context } = findDynamicFieldHandler(this.definition.dynamicFields, field)
    if (typeof handler !== 'function') {
      return { choices: [], nextPage: '', error: { message: `No dynamic field named ${field} found.`, code: '404' } }
    }
    const input = { ...data, dynamicFieldContext: context } as unknown as ExecuteInput<
      Settings,
      Payload,
      AudienceSettings
    >
    const run = handler as RequestFn<Settings, Payload, DynamicFieldResponse, AudienceSettings>
    return bodyOf(await run(this.requestClient(input), input))
  }

  async executeHook(
    hookType: ActionHookType,
    data: ExecuteInput<Settings, Payload, AudienceSettings>
  ): Promise<ActionHookResponse<any>> {
    if (!this.hasHookSupport) {
      throw new IntegrationError('This action does not support any hooks.', 'NotImplemented', 501)
    }
    const hook = this.definition.hooks?.[hookType]
    if (!hook || typeof hook.performHook !== 'function') {
      throw new IntegrationError(`Missing implementation for hook: ${hookType}.`, 'NotImplemented', 501)
    }
    const schema = this.hookSchemas?.[hookType]
    if (!schema) return bodyOf(await hook.performHook(this.requestClient(data), data))
    // Validated (and coerced) as the reference does, missing inputs included, but on a copy: the
    // hook sees the coerced inputs and the caller's object is left alone.
    const hookInputs = isRecord(data.hookInputs) ? copyOf(data.hookInputs) : data.hookInputs
    validateSchema(hookInputs, schema)
    const input = { ...data, hookInputs }
    return bodyOf(await hook.performHook(this.requestClient(input), input))
  }

  private describeCall(method: string): string {
    return `${method} of action "${this.definition.title ?? '(untitled)'}"`
  }

  private requestClient(data: ExecuteInput<Settings, any, AudienceSettings>) {
    return makeRequestClient(this.extendRequest, data, this.onResponse)
  }

  private onResponse: ResponseRecorder = (response) => {
    this.recordResponse?.(response)
    if (this.listenerCount('response') > 0) this.emit('response', response)
  }
}

// A deep copy when the value can be cloned (hook inputs are JSON-like), else a shallow one.
function copyOf(value: Record<string, unknown>): Record<string, unknown> {
  try {
    return structuredClone(value)
  } catch {
    return { ...value }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  )
}

// What perform, a dynamic field or a hook answered: a response stands for its parsed body (its text
// when that is null or missing), as in the reference.
function bodyOf<T>(value: T): T {
  return (isResponse(value) ? (value.data ?? value.content) : value) as T
}

function withOutput(results: Result[], output: unknown): Result[] {
  results.push({ data: bodyOf(output) as JSONObject, output: 'Action Executed' })
  return results
}

function missingNode(): ResultMultiStatusNode {
  return {
    status: 500,
    errormessage: MISSING_RESPONSE,
    errortype: 'PAYLOAD_VALIDATION_FAILED',
    errorreporter: MultiStatusErrorReporter.INTEGRATIONS
  }
}

function multiStatusNode(
  response: ActionDestinationSuccessResponse | ActionDestinationErrorResponse
): ResultMultiStatusNode {
  if (response instanceof ActionDestinationSuccessResponse) return { ...response.value() } as ResultMultiStatusNode
  const value = response.value()
  return {
    ...value,
    errortype: value.errortype ?? getErrorCodeFromHttpStatus(value.status),
    errorreporter:
      value.sent !== undefined || value.body !== undefined
        ? MultiStatusErrorReporter.DESTINATION
        : MultiStatusErrorReporter.INTEGRATIONS
  } as ResultMultiStatusNode
}

// The node every sent payload gets when performBatch throws (used when the error is not rethrown).
export function errorNode(error: unknown): ResultMultiStatusNode {
  const err = (error ?? {}) as { status?: unknown; code?: unknown; message?: unknown; response?: { status?: unknown } }
  const rawStatus = typeof err.status === 'number' ? err.status : err.response?.status
  const status = typeof rawStatus === 'number' ? rawStatus : 500
  return {
    status,
    errortype: getErrorCodeFromHttpStatus(status),
    errormessage: typeof err.message === 'string' ? err.message : String(error),
    errorreporter: MultiStatusErrorReporter.INTEGRATIONS
  }
}
