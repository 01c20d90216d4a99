import { CustomErrorCodes } from './custom-error-codes'
import { IntegrationError } from './integration-error'

// The integration gave up waiting on its own (408).
export class SelfTimeoutError extends IntegrationError {
  constructor(message: string) {
    super(message, CustomErrorCodes.SELF_TIMEOUT, 408)
  }
}
