import type { JSONSchema4Type } from 'json-schema'

// The `default` of every field that declares one, keyed by field name.
export function defaultValues(fields: Record<string, unknown>): Record<string, JSONSchema4Type> {
  const result: Record<string, JSONSchema4Type> = {}
  for (const key of Object.keys(fields)) {
    const field = fields[key]
    if (field !== null && typeof field === 'object' && 'default' in field) {
      const value = (field as { default?: JSONSchema4Type }).default
      if (value !== undefined) result[key] = value
    }
  }
  return result
}
