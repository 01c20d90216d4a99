import { assertResponseData } from './assert-object'
import type { ActionDestinationSuccessResponseType } from './types'

// One successful slot of a batch result.
export class ActionDestinationSuccessResponse {
  private data: ActionDestinationSuccessResponseType

  constructor(data: ActionDestinationSuccessResponseType) {
    assertResponseData(data, 'ActionDestinationSuccessResponse')
    this.data = data
  }

  value(): ActionDestinationSuccessResponseType {
    return this.data
  }
}
