import type { JSONSchema4 } from 'json-schema'
import type { ValidateFunction } from 'ajv'
import { AggregateAjvError } from '@action-destinations/ajv-human-errors'
import { getValidator } from './ajv'
import { compileRemover } from './empty-values'
import { SYNC_MODE_KEY } from './prepare-mapping'
import type { PreparedMapping } from './prepare-mapping'
import { isRecord } from './is-record'

// An action's payloads as the reference checks them: empty values removed, single values of array
// fields wrapped, validated and coerced against the fields' schema.

/** A batch payload that failed validation: the message its 400 node reports. */
export class InvalidPayload {
  constructor(readonly message: string) {}
}

export class PayloadValidation {
  // Compiled on first use, as the reference does: a test file exercises few of a destination's actions.
  private compiledValidator?: ValidateFunction
  // The same checks without the top-level search for unknown keys, for mappings that cannot
  // produce one (built on first use).
  private knownKeysValidator?: ValidateFunction
  private readonly removeEmpty: (value: unknown) => unknown
  // In a batch the reference keeps a top-level "" (its removal is not told it is at the root).
  private readonly removeEmptyInBatch: (value: unknown) => unknown
  // Whether a field is required under a condition on the sync mode: the mapping's sync mode then
  // takes part in payload validation, as in the reference.
  private readonly syncModeInSchema: boolean
  // Top-level fields whose schema is an array: a single value is wrapped before validation.
  private readonly arrayKeys: readonly string[]

  constructor(private readonly schema: JSONSchema4) {
    this.removeEmpty = compileRemover(schema, true)
    this.removeEmptyInBatch = compileRemover(schema, false)
    const properties = schema.properties ?? {}
    this.arrayKeys = Object.keys(properties).filter((key) => properties[key]?.type === 'array')
    this.syncModeInSchema = JSON.stringify(schema).includes(`"${SYNC_MODE_KEY}"`)
  }

  private get validator(): ValidateFunction {
    return (this.compiledValidator ??= getValidator(this.schema))
  }

  /**
   * With `removeAdditional`, Ajv looks up every key of every payload in the schema's properties.
   * When every key the mapping can produce is a property, nothing can be removed: a copy of the
   * schema without the top-level `additionalProperties` validates and coerces the same way.
   */
  validatorFor(keys: readonly string[] | undefined): ValidateFunction {
    const schema = this.schema
    const properties = schema.properties
    if (!properties || !keys || schema.additionalProperties !== false) return this.validator
    if (!keys.every((key) => Object.prototype.hasOwnProperty.call(properties, key))) return this.validator
    if (!this.knownKeysValidator) {
      const { additionalProperties: _dropped, ...open } = schema
      this.knownKeysValidator = getValidator(open)
    }
    return this.knownKeysValidator
  }

  // Empty values dropped, then validated and coerced. Throws a 400 AggregateAjvError.
  validPayload(payload: unknown, prepared: PreparedMapping, data: unknown): unknown {
    const value = this.cleaned(payload, false)
    const withSyncMode = this.withSyncMode(value, prepared, data)
    const validate = withSyncMode ? this.validator : (prepared.validate ?? this.validator)
    const checked = withSyncMode ?? value
    // No status here (as in the reference); Destination.onEvent marks it 400.
    if (!validate(checked)) throw new AggregateAjvError(validate.errors)
    return checked
  }

  // The same for one event of a batch: an InvalidPayload instead of an error.
  validBatchPayload(payload: unknown, prepared: PreparedMapping, data: unknown): unknown {
    const value = this.cleaned(payload, true)
    const withSyncMode = this.withSyncMode(value, prepared, data)
    const validate = withSyncMode ? this.validator : (prepared.validate ?? this.validator)
    const checked = withSyncMode ?? value
    if (!validate(checked)) return new InvalidPayload(new AggregateAjvError(validate.errors).message)
    return checked
  }

  // The payload as the reference validates it: empty values removed (a top-level "" only outside
  // batches) and single values of array fields wrapped (its arrify step).
  private cleaned(payload: unknown, batch: boolean): unknown {
    const removeEmpty = batch ? this.removeEmptyInBatch : this.removeEmpty
    return this.wrapArrayFields(removeEmpty(payload))
  }

  // When a field is required under a sync-mode condition, the reference validates the payload with
  // the mapping's sync mode still in it; the full schema's `additionalProperties: false` then
  // removes the key. Undefined when there is nothing to add.
  private withSyncMode(value: unknown, prepared: PreparedMapping, data: unknown): Record<string, unknown> | undefined {
    if (!this.syncModeInSchema || !prepared.meta || !isRecord(value)) return undefined
    const syncMode = prepared.meta(data).syncMode
    if (syncMode === undefined || syncMode === null || syncMode === '') return undefined
    return { ...value, [SYNC_MODE_KEY]: syncMode }
  }

  // A single value given to a `multiple` field becomes a one-item array (objects included, which
  // Ajv's own coercion does not wrap). Copies the payload's top level only when something changes.
  private wrapArrayFields(value: unknown): unknown {
    const keys = this.arrayKeys
    if (keys.length === 0 || !isRecord(value)) return value
    let out = value
    for (const key of keys) {
      const item = out[key]
      if (item === undefined || item === null || Array.isArray(item)) continue
      if (!Object.prototype.hasOwnProperty.call(out, key)) continue
      if (out === value) out = { ...value }
      out[key] = [item]
    }
    return out
  }
}
