import { getErrorCodeFromHttpStatus } from '../errors/get-error-code-from-http-status'
import { assertResponseData } from './assert-object'
import type { ActionDestinationErrorResponseType } from './types'

// One failed slot of a batch result; a missing errortype is derived from the status (422 -> UNPROCESSABLE_ENTITY).
export class ActionDestinationErrorResponse {
  private data: ActionDestinationErrorResponseType

  constructor(data: ActionDestinationErrorResponseType) {
    assertResponseData(data, 'ActionDestinationErrorResponse')
    // Copy rather than write errortype into the caller's object.
    this.data = data.errortype ? data : { ...data, errortype: getErrorCodeFromHttpStatus(data.status) }
  }

  value(): ActionDestinationErrorResponseType {
    return this.data
  }
}
