import { CustomErrorCodes } from './custom-error-codes'
import { HttpErrorCodes } from './http-error-codes'

// Every code an error may carry: HTTP status names first, then the framework's own codes.
export const ErrorCodes = {
  ...HttpErrorCodes,
  ...CustomErrorCodes
}
