import { CustomError } from '../../errors/custom-error'

// For runtimes that time out a whole action; the client itself throws TimeoutError.
export class RequestTimeoutError extends CustomError {
  code: string
  status: number

  constructor(message = 'Request timed out before receiving a response') {
    super(message)
    this.code = 'REQUESTTIMEOUTERROR'
    this.status = 408
  }
}
