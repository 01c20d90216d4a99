import type { JsonSchema } from '../core-runtime'

const SCHEMA_MAPS = ['properties', 'patternProperties', 'definitions', '$defs']
const SCHEMA_LISTS = ['anyOf', 'oneOf', 'allOf']
const SCHEMA_VALUES = ['items', 'additionalProperties', 'not', 'if', 'then', 'else']

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// json-schema-to-typescript turns each title into a named type (generated types keep every field
// inline), and enums into unions of today's choices (generated types keep the base type, so
// adding a choice does not change the types).
const DROPPED = new Set(['title', 'enum'])

/** Copies a schema without the keywords that generated types do not reflect. */
export function prepareSchemaForTypes(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = {}
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED.has(key)) continue
    if (SCHEMA_MAPS.includes(key) && isObject(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, sub]) => [name, isObject(sub) ? prepareSchemaForTypes(sub) : sub])
      )
    } else if (SCHEMA_LISTS.includes(key) && Array.isArray(value)) {
      out[key] = value.map((sub: unknown) => (isObject(sub) ? prepareSchemaForTypes(sub) : sub))
    } else if (SCHEMA_VALUES.includes(key) && (isObject(value) || Array.isArray(value))) {
      out[key] = Array.isArray(value)
        ? value.map((sub: unknown) => (isObject(sub) ? prepareSchemaForTypes(sub) : sub))
        : prepareSchemaForTypes(value)
    } else {
      out[key] = value
    }
  }
  return out
}
