import { ActionDestinationErrorResponse } from './action-destination-error-response'
import { ActionDestinationSuccessResponse } from './action-destination-success-response'
import type { ActionDestinationErrorResponseType, ActionDestinationSuccessResponseType } from './types'

type AnyResponse = ActionDestinationSuccessResponse | ActionDestinationErrorResponse

function assertIndex(index: number): void {
  if (!Number.isInteger(index) || index < 0) {
    throw new RangeError(`MultiStatusResponse index must be a non-negative integer, got ${String(index)}`)
  }
}

function assertResponseObject(response: unknown): asserts response is AnyResponse {
  if (
    !(response instanceof ActionDestinationSuccessResponse) &&
    !(response instanceof ActionDestinationErrorResponse)
  ) {
    throw new TypeError(
      'MultiStatusResponse expects an ActionDestinationSuccessResponse or ActionDestinationErrorResponse; use pushSuccessResponse / pushErrorResponse for plain objects'
    )
  }
}

function toSuccess(
  response: ActionDestinationSuccessResponse | ActionDestinationSuccessResponseType
): ActionDestinationSuccessResponse {
  return response instanceof ActionDestinationSuccessResponse
    ? response
    : new ActionDestinationSuccessResponse(response)
}

function toError(
  response: ActionDestinationErrorResponse | ActionDestinationErrorResponseType
): ActionDestinationErrorResponse {
  return response instanceof ActionDestinationErrorResponse ? response : new ActionDestinationErrorResponse(response)
}

// What performBatch returns to report one result per payload, in payload order.
// Slots may be left empty (sparse); the runtime reports those as missing.
export class MultiStatusResponse {
  private responses: AnyResponse[] = []

  length(): number {
    return this.responses.length
  }

  pushResponseObject(response: AnyResponse): void {
    assertResponseObject(response)
    this.responses.push(response)
  }

  pushSuccessResponse(response: ActionDestinationSuccessResponse | ActionDestinationSuccessResponseType): void {
    this.responses.push(toSuccess(response))
  }

  pushErrorResponse(response: ActionDestinationErrorResponse | ActionDestinationErrorResponseType): void {
    this.responses.push(toError(response))
  }

  pushResponseObjectAtIndex(index: number, response: AnyResponse): void {
    assertIndex(index)
    assertResponseObject(response)
    this.responses[index] = response
  }

  setSuccessResponseAtIndex(
    index: number,
    response: ActionDestinationSuccessResponse | ActionDestinationSuccessResponseType
  ): void {
    assertIndex(index)
    this.responses[index] = toSuccess(response)
  }

  setErrorResponseAtIndex(
    index: number,
    response: ActionDestinationErrorResponse | ActionDestinationErrorResponseType
  ): void {
    assertIndex(index)
    this.responses[index] = toError(response)
  }

  // Empties the slot but keeps the length, like the reference.
  unsetResponseAtIndex(index: number): void {
    assertIndex(index)
    if (index < this.responses.length) delete this.responses[index]
  }

  isSuccessResponseAtIndex(index: number): boolean {
    return this.responses[index] instanceof ActionDestinationSuccessResponse
  }

  isErrorResponseAtIndex(index: number): boolean {
    return this.responses[index] instanceof ActionDestinationErrorResponse
  }

  // Undefined for an empty or out-of-range slot.
  getResponseAtIndex(index: number): AnyResponse {
    return this.responses[index]
  }

  getAllResponses(): AnyResponse[] {
    return this.responses
  }
}
