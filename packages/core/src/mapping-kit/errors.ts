/** A mapping failed validation; the message starts with the location, e.g. `/a/@path`. */
export class ValidationError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ValidationError'
    Object.setPrototypeOf(this, new.target.prototype)
  }
}

/**
 * Several validation errors at once. `errors` holds them (as the built-in AggregateError
 * does) and the object is iterable (as the reference's AggregateError is). The message is
 * the inner messages, one a line.
 */
export class MappingAggregateError extends AggregateError {
  constructor(errors: Error[]) {
    super(errors, errors.map((error) => error.message).join('\n'))
    this.name = 'AggregateError'
    Object.setPrototypeOf(this, new.target.prototype)
  }

  *[Symbol.iterator](): IterableIterator<Error> {
    yield* this.errors as Error[]
  }
}

/** The errors inside `error`: its list when it aggregates several, else itself. */
export function flattenErrors(error: unknown): Error[] {
  if (error instanceof MappingAggregateError) return error.errors as Error[]
  return [error instanceof Error ? error : new Error(String(error))]
}
