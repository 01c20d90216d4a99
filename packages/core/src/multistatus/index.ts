export { ActionDestinationSuccessResponse } from './action-destination-success-response'
export { ActionDestinationErrorResponse } from './action-destination-error-response'
export { MultiStatusResponse } from './multi-status-response'
export type {
  ActionDestinationSuccessResponseType,
  ActionDestinationErrorResponseType,
  ResultMultiStatusNode,
  MultiStatusJSONObject
} from './types'
