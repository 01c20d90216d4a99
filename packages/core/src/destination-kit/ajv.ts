import type Ajv from 'ajv'
import type { ValidateFunction } from 'ajv'
import type { JSONSchema4 } from 'json-schema'
import { isDateLike } from './date-like'
import { certainlyValid } from './quick-validate'

// One Ajv instance for every payload and settings schema, configured like actions-core:
// coercion (scalars to arrays too), all errors, unknown keys of closed objects removed.
// Compiled validators are cached by schema object identity, so two definitions that share
// a name or action title never share a validator, and names with spaces are harmless.
// Created (and Ajv loaded) when the first schema is compiled: Ajv is a large set of modules, and
// a process or jest module registry that never validates anything need not load it.
export function createAjv(): Ajv {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const AjvClass = (require('ajv') as typeof import('ajv')).default
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const addFormats = (require('ajv-formats') as typeof import('ajv-formats')).default
  const ajv = new AjvClass({
    coerceTypes: 'array',
    allErrors: true,
    allowUnionTypes: true,
    verbose: true,
    removeAdditional: true,
    // Field schemas carry `$schema`, `tsType` and enum/type mixes Ajv's strict mode would reject.
    strict: false,
    validateSchema: false,
    logger: false
  })
  addFormats(ajv)
  ajv.addFormat('date-like', { type: 'string', validate: isDateLike })
  ajv.addFormat('text', true)
  ajv.addFormat('password', true)
  return ajv
}

let sharedAjv: Ajv | undefined

const cache = new WeakMap<object, ValidateFunction>()

// Payloads a validator checks before it is compiled: until then (and for every payload the quick
// check is not sure about) Ajv decides. Compiling costs milliseconds, a quick check microseconds.
const COMPILE_AFTER_CHECKS = 32

/**
 * The validator of `schema` (cached by schema object). It answers the first payloads with a quick
 * check (quick-validate.ts) when that check is certain, and compiles the schema with Ajv (loading
 * Ajv on the first compile) once it is not sure or the schema has been used often enough; Ajv's
 * answer, coercion and `errors` are then the validator's.
 */
export function getValidator(schema: JSONSchema4): ValidateFunction {
  let validate = cache.get(schema)
  if (!validate) {
    validate = lazyValidator(schema)
    cache.set(schema, validate)
  }
  return validate
}

function lazyValidator(schema: JSONSchema4): ValidateFunction {
  let compiled: ValidateFunction | undefined
  let checks = 0
  const validate = ((data: unknown) => {
    if (compiled === undefined) {
      if (++checks <= COMPILE_AFTER_CHECKS && certainlyValid(schema, data)) {
        validate.errors = null
        return true
      }
      compiled = compile(schema)
    }
    const valid = compiled(data)
    validate.errors = compiled.errors
    return valid
  }) as ValidateFunction
  validate.errors = null
  return validate
}

function compile(schema: JSONSchema4): ValidateFunction {
  // `$schema` names a draft Ajv does not ship; it carries no meaning for validation.
  const { $schema: _ignored, ...rest } = schema
  return (sharedAjv ??= createAjv()).compile(rest)
}
