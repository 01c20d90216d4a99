import { MultiStatusErrorReporter } from '../errors'
import type { InputData } from '../mapping-kit'
import { resolveAudienceMembership } from '../audience-membership'
import { withDeadline } from './deadline'
import type { ExecuteBundle } from './action-types'
import { executeInput, syncModeOf } from './execute-input'
import { InvalidPayload } from './payload-validation'
import type { PayloadValidation } from './payload-validation'
import type { PreparedMapping } from './prepare-mapping'
import type { RequestClient } from './request-client-type'
import { errorNode, fillBatchNodes } from './results'
import type { AudienceMembership, ExecuteInput, RequestFn, ResultMultiStatusNode, SyncMode } from './types'

// An action's performBatch over a list of events: each payload validated on its own (a 400 node
// when it fails), the valid ones sent in one call, and one node per event in input order.

/* eslint-disable @typescript-eslint/no-explicit-any -- perform's generic parameters are the definition's */

export interface BatchOutcome {
  nodes: ResultMultiStatusNode[]
  error?: unknown
}

// What a batch run uses of its action.
export interface BatchRunner<Settings, Payload, AudienceSettings> {
  readonly prepared: PreparedMapping
  readonly validation: PayloadValidation | undefined
  readonly hasSyncMode: boolean
  readonly performBatch: RequestFn<Settings, Payload[], unknown, AudienceSettings, any, AudienceMembership[]>
  // Read when performBatch has been called, as the action's own fields are.
  deadlineMs(): number
  // How a deadline error names the call.
  description(): string
  requestClient(data: ExecuteInput<Settings, any, AudienceSettings>): RequestClient
}

// Reports every event: validation failures, performBatch results, and, when performBatch throws,
// the error (with one error node per sent payload in `nodes`).
export async function runBatch<Settings, Payload, AudienceSettings>(
  runner: BatchRunner<Settings, Payload, AudienceSettings>,
  bundle: ExecuteBundle<Settings, InputData[], AudienceSettings>
): Promise<BatchOutcome> {
  const { prepared, validation } = runner
  const events = Array.isArray(bundle.data) ? bundle.data : []
  const nodes: ResultMultiStatusNode[] = new Array(events.length)
  const payloads: Payload[] = []
  const indices: number[] = []
  const memberships: AudienceMembership[] = []
  let syncMode: SyncMode | undefined
  let matchingKey: string | undefined
  let metaRead = false

  for (let i = 0; i < events.length; i++) {
    let payload: unknown = prepared.payload(events[i])
    if (validation) {
      payload = validation.validBatchPayload(payload, prepared, events[i])
      if (payload instanceof InvalidPayload) {
        nodes[i] = {
          status: 400,
          errortype: 'PAYLOAD_VALIDATION_FAILED',
          errormessage: payload.message,
          errorreporter: MultiStatusErrorReporter.INTEGRATIONS
        }
        continue
      }
    }
    if (prepared.meta && !metaRead) {
      const meta = prepared.meta(events[i])
      syncMode = syncModeOf(runner.hasSyncMode, meta.syncMode)
      matchingKey = meta.matchingKey
      metaRead = true
    }
    payloads.push(payload as Payload)
    indices.push(i)
    memberships.push(resolveAudienceMembership(events[i], syncMode))
  }
  if (payloads.length === 0) return { nodes }

  const data = executeInput<Settings, Payload[], AudienceSettings>(bundle, payloads, prepared, events) as ExecuteInput<
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

  // Called as a plain function (no `this`), as the reference does.
  const performBatch = runner.performBatch
  let output: unknown
  try {
    output = await withDeadline(
      performBatch(runner.requestClient(data), data),
      runner.deadlineMs(),
      runner.description()
    )
  } catch (error) {
    const node = errorNode(error)
    for (const index of indices) nodes[index] = node
    return { nodes, error }
  }
  fillBatchNodes(nodes, indices, payloads, output)
  return { nodes }
}
