/** Test helper: validate with Ajv as the reference's users do and build the aggregate error. */
import Ajv from 'ajv'
import addFormats from 'ajv-formats'
import { AggregateAjvError, type Options } from '../src'

// `strict: false` lets the custom `errorMessage` / `patternLabel` keywords compile.
const ajv = new Ajv({ allErrors: true, verbose: true, logger: false, strict: false })
addFormats(ajv)

export function humanize(schema: object | boolean, data: unknown, options?: Options): AggregateAjvError {
  const validate = ajv.compile(schema)
  if (validate(data)) throw new Error('expected the data to be invalid')
  return new AggregateAjvError(validate.errors ?? [], options)
}

export function messagesFor(schema: object | boolean, data: unknown, options?: Options): string[] {
  return humanize(schema, data, options).errors.map((error) => error.message)
}
