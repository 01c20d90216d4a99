import { CustomError } from '../../errors/custom-error'

// The caller's abort signal fired; reported as a retryable 408 like the reference.
export class RequestClientError extends CustomError {
  code: string
  status: number

  constructor(message = 'Request was aborted') {
    super(message)
    this.code = 'REQUESTCLIENTERROR'
    this.status = 408
  }
}
