import { IntegrationError } from './integration-error'

// An error answered by the destination's API; its code is the status as a string ("418").
export class APIError extends IntegrationError {
  constructor(message: string, status: number) {
    super(message, String(status), status)
  }
}
