import { CustomErrorCodes } from './custom-error-codes'
import { IntegrationError } from './integration-error'

// The event's audience membership cannot be determined or is inconsistent (400).
export class InvalidAudienceMembershipError extends IntegrationError {
  constructor(message: string) {
    super(message, CustomErrorCodes.INVALID_AUDIENCE_MEMBERSHIP, 400)
  }
}
