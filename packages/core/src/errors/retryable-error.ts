import { CustomError } from './custom-error'
import { CustomErrorCodes } from './custom-error-codes'

export type RetryableStatusCodes =
  408 | 423 | 429 | 500 | 502 | 503 | 504 | 505 | 506 | 507 | 508 | 509 | 510 | 511 | 598 | 599

// Signals the delivery runtime to try again later; defaults to 500 like the reference.
export class RetryableError extends CustomError {
  status: RetryableStatusCodes
  code: CustomErrorCodes

  constructor(message = '', status: RetryableStatusCodes = 500) {
    super(message)
    this.code = CustomErrorCodes.RETRYABLE_ERROR
    this.status = status
  }
}
