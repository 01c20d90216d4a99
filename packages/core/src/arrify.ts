import type { JSONSchema4 } from 'json-schema'
import { isObject } from './real-type-of'

// Wraps a value in an array unless it already is one; null/undefined become [] (or stay, with false).
export function arrify<T>(value: T | T[] | undefined | null, treatNullAsEmpty?: true): T[]
export function arrify<T>(value: T | T[] | undefined | null, treatNullAsEmpty: false): T[] | undefined | null
export function arrify<T>(value: T | T[] | undefined | null, treatNullAsEmpty = true): T[] | undefined | null {
  if (value === undefined || value === null) return treatNullAsEmpty ? [] : (value as undefined | null)
  return Array.isArray(value) ? value : [value]
}

/**
 * The reference's arrify step before validation: every top-level key whose schema type is exactly
 * `array` gets a single (non-null) value wrapped in an array. Nested properties are left to Ajv's
 * coercion (which wraps scalars, not objects), as in the reference. Changes `obj` in place, like
 * the validation that follows; returns it.
 */
export function arrifyFields(obj: unknown, schema?: JSONSchema4): unknown {
  if (!isObject(obj) || !schema?.properties) return obj
  const record = obj as Record<string, unknown>
  for (const key of Object.keys(record)) {
    const propSchema = schema.properties[key]
    if (propSchema?.type === 'array') record[key] = arrify(record[key], false)
  }
  return obj
}
