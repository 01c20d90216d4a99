import type { FieldDefinition, JSONObject } from './types'

/**
 * The required fields `payload` lacks. The browser runtime checks only presence, not types: a
 * JSON Schema validator (Ajv) would multiply the size of every destination bundle.
 */
export function missingRequiredFields(fields: Record<string, FieldDefinition>, payload: JSONObject): string[] {
  const missing: string[] = []
  for (const [key, field] of Object.entries(fields)) {
    if (!field.required) continue
    const value = Object.prototype.hasOwnProperty.call(payload, key) ? payload[key] : undefined
    if (value === undefined || value === null || value === '') missing.push(key)
  }
  return missing
}
