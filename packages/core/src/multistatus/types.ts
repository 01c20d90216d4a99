import type { ErrorCodes } from '../errors/error-codes'
import type { MultiStatusErrorReporter } from '../errors/multistatus-error-reporter'

// Kept local so multistatus depends on nothing but errors; structurally equal to the reference's JSONLikeObject.
type JSONPrimitive = string | number | boolean | null
type JSONLike = JSONPrimitive | MultiStatusJSONObject | Array<JSONLike> | Date | undefined
export type MultiStatusJSONObject = { [member: string]: JSONLike; [member: number]: JSONLike }

export type ActionDestinationSuccessResponseType = {
  status: number
  sent: MultiStatusJSONObject | string
  body: MultiStatusJSONObject | string
}

export type ActionDestinationErrorResponseType = {
  status: number
  errortype?: keyof typeof ErrorCodes
  errormessage: string
  sent?: MultiStatusJSONObject | string
  body?: MultiStatusJSONObject | string
}

export type ResultMultiStatusNode =
  | ActionDestinationSuccessResponseType
  | (ActionDestinationErrorResponseType & { errorreporter: MultiStatusErrorReporter })
