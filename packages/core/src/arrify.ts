import type { JSONSchema4 } from 'json-schema'
import { isObject } from './real-type-of'

// Wraps a value in an array unless it already is one; null/undefined become [] (or stay, with false).
export function arrify<T>(value: T | T[] | undefined | null, treatNullAsEmpty?: true): T[]
export function arrify<T>(value: T | T[] | undefined | null, treatNullAsEmpty: false): T[] | undefined | null
export function arrify<T>(value: T | T[] | undefined | null, treatNullAsEmpty = true): T[] | undefined | null {
  if (value === undefined || value === null) return treatNullAsEmpty ? [] : (value as undefined | null)
  return Array.isArray(value) ? value : [value]
}

function schemaAllows(schema: JSONSchema4 | undefined, type: string): boolean {
  const t = schema?.type
  return Array.isArray(t) ? t.includes(type as never) : t === type
}

// Wraps scalars in arrays where the schema expects an array, recursing into object properties.
// Returns a new object; the input is not modified.
export function arrifyFields(obj: unknown, schema?: JSONSchema4): unknown {
  if (!isObject(obj) || !schema?.properties) return obj
  const result: Record<string, unknown> = { ...obj }
  for (const key of Object.keys(result)) {
    const propSchema = schema.properties[key]
    if (!propSchema) continue
    const value = result[key]
    if (schemaAllows(propSchema, 'array') && !Array.isArray(value) && value !== undefined && value !== null) {
      result[key] = [value]
    } else if (schemaAllows(propSchema, 'object') && isObject(value)) {
      result[key] = arrifyFields(value, propSchema)
    }
  }
  return result
}
