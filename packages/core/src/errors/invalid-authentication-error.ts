import { CustomError } from './custom-error'
import { CustomErrorCodes } from './custom-error-codes'

// Credentials were rejected; always 401, code INVALID_AUTHENTICATION unless told otherwise.
export class InvalidAuthenticationError extends CustomError {
  status: number
  code: string

  constructor(message = '', code: CustomErrorCodes = CustomErrorCodes.INVALID_AUTHENTICATION) {
    super(message)
    this.status = 401
    this.code = code
  }
}
