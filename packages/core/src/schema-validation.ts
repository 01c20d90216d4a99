import type { JSONSchema4 } from 'json-schema'
import { AggregateAjvError } from '@action-destinations/ajv-human-errors'
import { getValidator } from './destination-kit/ajv'
import { arrifyFields } from './arrify'
import type { StatsContext } from './destination-kit/contexts'

interface ValidationOptions {
  // Accepted for compatibility. Validators are cached by schema object, so no key is needed.
  schemaKey?: string
  throwIfInvalid?: boolean
  statsContext?: StatsContext
  // Accepted for compatibility; the reference gives it no observable effect.
  exempt?: string[]
}

// Validates (and, like Ajv with coercion, normalises in place) `obj` against `schema`; single values
// of top-level array fields are wrapped first, as in the reference.
// Throws an AggregateAjvError describing every problem unless `throwIfInvalid` is false.
export function validateSchema(obj: unknown, schema: JSONSchema4, options?: ValidationOptions): boolean {
  const validate = getValidator(schema)
  arrifyFields(obj, schema)
  const valid = validate(obj) as boolean
  if (!valid && (options?.throwIfInvalid ?? true)) {
    options?.statsContext?.statsClient?.incr('ajv.discard', 1, options.statsContext.tags)
    throw new AggregateAjvError(validate.errors)
  }
  return valid
}
