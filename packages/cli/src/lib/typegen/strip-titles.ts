import type { JsonSchema } from '../core-runtime'

const SCHEMA_MAPS = ['properties', 'patternProperties', 'definitions', '$defs']
const SCHEMA_LISTS = ['anyOf', 'oneOf', 'allOf']
const SCHEMA_VALUES = ['items', 'additionalProperties', 'not', 'if', 'then', 'else']

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Copies a schema without `title` keywords: json-schema-to-typescript turns each title into a
 * named type, while generated types keep every field inline under its own key.
 */
export function stripTitles(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = {}
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'title') continue
    if (SCHEMA_MAPS.includes(key) && isObject(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, sub]) => [name, isObject(sub) ? stripTitles(sub) : sub])
      )
    } else if (SCHEMA_LISTS.includes(key) && Array.isArray(value)) {
      out[key] = value.map((sub: unknown) => (isObject(sub) ? stripTitles(sub) : sub))
    } else if (SCHEMA_VALUES.includes(key) && (isObject(value) || Array.isArray(value))) {
      out[key] = Array.isArray(value)
        ? value.map((sub: unknown) => (isObject(sub) ? stripTitles(sub) : sub))
        : stripTitles(value)
    } else {
      out[key] = value
    }
  }
  return out
}
