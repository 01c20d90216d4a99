import { CustomErrorCodes } from './custom-error-codes'
import { IntegrationError } from './integration-error'

// The mapped payload does not satisfy the action's fields (400).
export class PayloadValidationError extends IntegrationError {
  constructor(message: string) {
    super(message, CustomErrorCodes.PAYLOAD_VALIDATION_FAILED, 400)
  }
}
