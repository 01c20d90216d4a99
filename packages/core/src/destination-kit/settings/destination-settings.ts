import type { JSONSchema4 } from 'json-schema'
import type { ValidateFunction } from 'ajv'
import type { JSONObject } from '../../json-object'
import { arrifyFields } from '../../arrify'
import { getValidator } from '../ajv'
import { payloadValidationError } from '../results'
import { isRecord } from '../is-record'

// The destination's own settings: what the platform's reserved keys leave, checked against the
// authentication fields.

// Keys the platform keeps inside settings that are not settings of the destination.
// (`subcription` is a historical misspelling that is stripped too.)
const RESERVED_SETTINGS = new Set(['subscription', 'subscriptions', 'subcription', 'oauth'])

export function cloneJsonLike(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(cloneJsonLike)
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value)) out[key] = cloneJsonLike((value as Record<string, unknown>)[key])
  return out
}

/** The settings without the platform's reserved keys (a new object; `{}` for a non-object). */
export function stripReserved(settings: JSONObject): JSONObject {
  const out: JSONObject = {}
  if (!isRecord(settings)) return out
  for (const key of Object.keys(settings)) {
    if (!RESERVED_SETTINGS.has(key)) out[key] = settings[key]
  }
  return out
}

/** Checks settings against the authentication fields' schema; the validator is compiled on first use, as the reference does. */
export class SettingsValidation {
  private compiled?: ValidateFunction

  constructor(private readonly schema: JSONSchema4 | undefined) {}

  /** The stripped settings, coerced on a copy. Throws a 400 AggregateAjvError when they do not fit. */
  validated(stripped: JSONObject): JSONObject {
    const schema = this.schema
    const validate = schema && (this.compiled ??= getValidator(schema))
    if (!validate) return stripped
    // Coercion may rewrite nested arrays, so they are copied first.
    const copy = arrifyFields(cloneJsonLike(stripped), schema) as JSONObject
    if (!validate(copy)) throw payloadValidationError(validate)
    return copy
  }
}
