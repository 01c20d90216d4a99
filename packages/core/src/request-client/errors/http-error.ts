import { CustomError } from '../../errors/custom-error'
import type { NormalizedOptions } from '../types'

// A non-2xx response with throwHttpErrors on. Like the reference it has no status/code of its own:
// read error.response.status. The message is the status text, or the status number when there is none.
export class HTTPError extends CustomError {
  request: Request
  response: Response
  options: NormalizedOptions

  constructor(response: Response, request: Request, options: NormalizedOptions) {
    super(response.statusText || String(response.status))
    this.response = response
    this.request = request
    this.options = options
  }
}
