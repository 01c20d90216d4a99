import type { ValidateFunction } from 'ajv'
import { AggregateAjvError } from '@action-destinations/ajv-human-errors'
import { MultiStatusErrorReporter, getErrorCodeFromHttpStatus } from '../errors'
import { MultiStatusResponse, ActionDestinationSuccessResponse, ActionDestinationErrorResponse } from '../multistatus'
import type { JSONLikeObject, JSONObject } from '../json-object'
import { HTTPError } from '../request-client'
import { isResponse, responseBody } from './is-response'
import type { Result, ResultMultiStatusNode } from './types'

// How what perform / performBatch answered (or threw) becomes results and multistatus nodes.

const MISSING_RESPONSE = 'MultiStatusResponse is missing a response at the specified index'

// A 400 AggregateAjvError, the way payload and settings validation report problems.
export function payloadValidationError(validate: ValidateFunction): AggregateAjvError {
  const error = new AggregateAjvError(validate.errors) as AggregateAjvError & { status?: number }
  error.status = 400
  return error
}

// Payload validation failures reach onEvent callers as 400s.
export function withValidationStatus(error: unknown): unknown {
  if (error instanceof AggregateAjvError && (error as { status?: number }).status === undefined) {
    ;(error as { status?: number }).status = 400
  }
  return error
}

// A failing subscription's `{ error }` entry when others delivered.
export function errorJson(error: unknown): JSONObject {
  const err = (error ?? {}) as { name?: unknown; message?: unknown; status?: unknown; code?: unknown }
  const json: JSONObject = {
    name: typeof err.name === 'string' ? err.name : 'Error',
    message: typeof err.message === 'string' ? err.message : String(error)
  }
  if (typeof err.status === 'number') json.status = err.status
  if (typeof err.code === 'string') json.code = err.code
  return json
}

// What perform, a dynamic field or a hook answered: a response stands for its parsed body (its text
// when that is null or missing), as in the reference.
export function bodyOf<T>(value: T): T {
  return (isResponse(value) ? (value.data ?? value.content) : value) as T
}

export function withOutput(results: Result[], output: unknown): Result[] {
  results.push({ data: bodyOf(output) as JSONObject, output: 'Action Executed' })
  return results
}

// The node of each sent payload (at `indices` of `nodes`) from what performBatch returned.
export function fillBatchNodes(
  nodes: ResultMultiStatusNode[],
  indices: number[],
  payloads: unknown[],
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
      nodes[indices[j]] = { status: status as number, body: output.message, sent: payloads[j] as JSONLikeObject }
    }
    return
  }
  if (isResponse(output)) {
    const body = responseBody(output) as JSONLikeObject | string
    for (let j = 0; j < indices.length; j++) {
      nodes[indices[j]] = { status: output.status, body, sent: payloads[j] as JSONLikeObject }
    }
    return
  }
  for (let j = 0; j < indices.length; j++) {
    nodes[indices[j]] = { status: 200, body: {}, sent: payloads[j] as JSONLikeObject }
  }
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
