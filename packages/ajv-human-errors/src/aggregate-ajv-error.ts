import type { ErrorObject } from 'ajv'
import { AjvError } from './ajv-error'
import type { HumanError, Options } from './entities'
import { humanizeTypeOf } from './text/humanize-type-of'

/**
 * All errors of one Ajv validation as sentences. `message` joins them with a space;
 * errors that only repeat another one are left out.
 */
export class AggregateAjvError extends Error {
  /** The non-redundant errors, in Ajv's order. */
  readonly errors: AjvError[]

  constructor(ajvErrors: ErrorObject[] | null | undefined, opts: Options = {}) {
    super()
    this.name = 'AggregateAjvError'
    // As in the reference, options are read per error: a bad `fieldLabels` throws once there is one.
    const options: Options = opts !== null && typeof opts === 'object' ? opts : {}

    if (ajvErrors !== null && ajvErrors !== undefined && !Array.isArray(ajvErrors)) {
      throw new Error(
        `AggregateAjvError expects an array of Ajv errors (validate.errors) but got ${humanizeTypeOf(ajvErrors)}.`
      )
    }
    this.errors = (ajvErrors ?? []).map((error) => new AjvError(error, options)).filter((error) => !error.redundant)
    this.message = this.errors.map((error) => error.message).join(' ')
  }

  toJSON(): HumanError[] {
    return this.errors.map((error) => error.toJSON())
  }

  *[Symbol.iterator](): Generator<AjvError, void, unknown> {
    yield* this.errors
  }
}
