import { CustomError } from './custom-error'

// The general error a destination throws: a message plus an optional machine code and HTTP status.
export class IntegrationError extends CustomError {
  code: string | undefined
  status: number | undefined
  retry?: boolean

  constructor(message: string, code: string, status: number) {
    super(message)
    this.status = status
    this.code = code
  }
}
