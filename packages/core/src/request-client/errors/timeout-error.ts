import { CustomError } from '../../errors/custom-error'
import type { NormalizedOptions } from '../types'

// The request did not get a response within `timeout` milliseconds.
export class TimeoutError extends CustomError {
  request: Request
  options: NormalizedOptions
  code: string

  constructor(request: Request, options: NormalizedOptions) {
    super(`Request timed out after ${String(options.timeout)}ms`)
    this.request = request
    this.options = options
    this.code = 'ETIMEDOUT'
  }
}
