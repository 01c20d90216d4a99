/** An error the server answers with a 4xx and its own message; `details` lands in the JSON body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: Record<string, unknown> = {}
  ) {
    super(message)
    this.name = 'HttpError'
  }
}
