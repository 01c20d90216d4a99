import { EventEmitter } from 'events'
import type { JSONSchema4 } from 'json-schema'
import { IntegrationError } from '../errors'
import type { JSONLikeObject, JSONObject } from '../json-object'
import type { InputData } from '../mapping-kit'
import { resolveAudienceMembership } from '../audience-membership'
import { fieldsToJsonSchema } from './fields-to-jsonschema'
import type { MinimalFields } from './fields-to-jsonschema'
import { prepareMapping } from './prepare-mapping'
import type { PreparedMapping } from './prepare-mapping'
import { makeRequestClient } from './make-request-client'
import { DEFAULT_ACTION_DEADLINE_MS, withDeadline } from './deadline'
import type { ResponseRecorder } from './make-request-client'
import { hookTypeStrings } from './hook-types'
import { findDynamicFieldHandler } from './dynamic-field-handler'
import type { ActionHookType } from './hook-types'
import type {
  DynamicFieldResponse,
  RequestExtension,
  ExecuteInput,
  Result,
  ResultMultiStatusNode,
  RequestFn,
  SyncMode
} from './types'
import type { ActionDefinition, ActionHookResponse, ExecuteBundle, ExecuteDynamicFieldInput } from './action-types'
import { PayloadValidation } from './payload-validation'
import { executeInput, syncModeOf } from './execute-input'
import { runBatch } from './batch-run'
import type { BatchOutcome } from './batch-run'
import { hookSchemasOf, runHook } from './hooks'
import { bodyOf, withOutput } from './results'

export { hookTypeStrings }
export type { ActionHookType, RequestFn }
export { MultiStatusResponse, ActionDestinationSuccessResponse, ActionDestinationErrorResponse } from '../multistatus'
export type {
  BaseActionDefinition,
  ActionDefinition,
  ActionHookResponse,
  ActionHookDefinition,
  ExecuteDynamicFieldInput,
  ExecuteBundle
} from './action-types'
export { payloadValidationError, errorNode } from './results'

/* eslint-disable @typescript-eslint/no-explicit-any -- generic defaults mirror the reference's public types */

// One action of a destination: its compiled payload schema, mapping cache and perform functions.
// Payload checks are in payload-validation.ts, performBatch in batch-run.ts, hooks in hooks.ts.
export class Action<Settings, Payload extends JSONLikeObject, AudienceSettings = any> extends EventEmitter {
  readonly definition: ActionDefinition<Settings, Payload, AudienceSettings>
  readonly destinationName: string
  readonly schema?: JSONSchema4
  readonly hookSchemas?: Record<string, JSONSchema4>
  readonly hasBatchSupport: boolean
  readonly hasHookSupport: boolean
  private extendRequest: RequestExtension<Settings, any> | undefined
  // Present when the action has fields (the reference validates payloads then only).
  private readonly validation?: PayloadValidation
  // Whether the action defines `syncMode` (perform only gets a sync mode then).
  private readonly hasSyncMode: boolean
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
      this.validation = new PayloadValidation(this.schema)
    }
    if (this.hasHookSupport) this.hookSchemas = hookSchemasOf(definition)
    this.hasSyncMode = Boolean(definition.syncMode)
    this.hookNames = this.hasHookSupport ? Object.keys(definition.hooks as object) : []
  }

  private prepared(mapping: JSONObject): PreparedMapping {
    if (mapping === null || typeof mapping !== 'object') return prepareMapping(mapping, this.hookNames)
    let prepared = this.mappings.get(mapping)
    if (!prepared) {
      prepared = prepareMapping(mapping, this.hookNames)
      prepared.validate = this.validation?.validatorFor(prepared.payloadKeys)
      this.mappings.set(mapping, prepared)
    }
    return prepared
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
    if (this.validation) {
      payload = this.validation.validPayload(payload, prepared, bundle.data)
      results.push({ output: 'Payload validated' })
    }

    let syncMode: SyncMode | undefined
    let matchingKey: string | undefined
    if (prepared.meta) {
      const meta = prepared.meta(bundle.data)
      syncMode = syncModeOf(this.hasSyncMode, meta.syncMode)
      matchingKey = meta.matchingKey
    }

    const data = executeInput<Settings, Payload, AudienceSettings>(bundle, payload, prepared, bundle.data)
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
  async runBatch(bundle: ExecuteBundle<Settings, InputData[], AudienceSettings>): Promise<BatchOutcome> {
    const performBatch = this.definition.performBatch
    if (typeof performBatch !== 'function') {
      throw new IntegrationError('This action does not support batched requests.', 'NotImplemented', 501)
    }
    return runBatch<Settings, Payload, AudienceSettings>(
      {
        prepared: this.prepared(bundle.mapping),
        validation: this.validation,
        hasSyncMode: this.hasSyncMode,
        performBatch,
        deadlineMs: () => this.deadlineMs,
        description: () => this.describeCall('performBatch'),
        requestClient: (data) => this.requestClient(data)
      },
      bundle
    )
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
    return runHook(this.definition, this.hookSchemas, hookType, data, (input) => this.requestClient(input))
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

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  )
}
