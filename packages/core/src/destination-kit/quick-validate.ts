import type { JSONSchema4 } from 'json-schema'
import { isDateLike } from './date-like'

/**
 * True only when `value` certainly satisfies `schema` as the runtime's Ajv instance reads it
 * *and* Ajv would leave it untouched (no coercion, no removed keys). False means "not sure":
 * the caller then asks Ajv, which decides, coerces and reports errors. This lets a process (or
 * a jest module registry) validate well-formed payloads before it has loaded and compiled Ajv;
 * any keyword or format not listed here is "not sure".
 */
export function certainlyValid(schema: JSONSchema4, value: unknown): boolean {
  return supportedSchema(schema) && check(schema, value, 0)
}

const supportedSchemas = new WeakMap<object, boolean>()

/**
 * Whether every part of the schema (also parts a payload does not reach: Ajv compiles them all,
 * and throws for some malformed ones) uses only the keywords and values the quick check knows.
 */
export function supportedSchema(schema: JSONSchema4): boolean {
  let known = supportedSchemas.get(schema)
  if (known === undefined) {
    known = supported(schema, 0)
    supportedSchemas.set(schema, known)
  }
  return known
}

const TYPE_NAMES = new Set(['string', 'number', 'integer', 'boolean', 'null', 'array', 'object'])

function isSchemaObject(value: unknown): value is JSONSchema4 {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function supported(schema: unknown, depth: number): boolean {
  if (depth > MAX_DEPTH || !isSchemaObject(schema)) return false
  for (const keyword of Object.keys(schema)) {
    const value = schema[keyword]
    if (ANNOTATIONS.has(keyword) || value === undefined) continue
    if (!supportedKeyword(keyword, value, depth)) return false
  }
  return true
}

function supportedKeyword(keyword: string, value: unknown, depth: number): boolean {
  switch (keyword) {
    case 'type':
      return Array.isArray(value) ? value.every((name) => TYPE_NAMES.has(name)) : TYPE_NAMES.has(value as string)
    case 'properties':
      return isSchemaObject(value) && Object.values(value).every((child) => supported(child, depth + 1))
    case 'required':
      return Array.isArray(value) && value.every((key) => typeof key === 'string')
    case 'additionalProperties':
      return typeof value === 'boolean'
    case 'items':
      return supported(value, depth + 1)
    case 'enum':
      return (
        Array.isArray(value) &&
        value.every((option) => option === null || ['string', 'number', 'boolean'].includes(typeof option))
      )
    case 'format':
      return typeof value === 'string' && hasOwn.call(FORMATS, value)
    case 'minLength':
    case 'maxLength':
    case 'minimum':
    case 'maximum':
      return typeof value === 'number' && Number.isFinite(value)
    default:
      return false
  }
}

// Keywords that never affect validation here (useDefaults is off, so `default` is one of them).
const ANNOTATIONS = new Set(['$schema', 'title', 'description', 'default', 'tsType', 'examples', '$comment'])
// Formats the runtime registers that the quick check can decide without Ajv (ajv-formats' own,
// some of them for numbers, are left to Ajv).
const FORMATS: Record<string, (value: string) => boolean> = {
  'date-like': isDateLike,
  text: () => true,
  password: () => true
}
const MAX_DEPTH = 32
const hasOwn = Object.prototype.hasOwnProperty

function check(schema: JSONSchema4, value: unknown, depth: number): boolean {
  if (depth > MAX_DEPTH || schema === null || typeof schema !== 'object' || Array.isArray(schema)) return false
  if (schema.type !== undefined && !hasType(schema.type, value)) return false
  if (schema.enum !== undefined && !inEnum(schema.enum, value)) return false
  if (typeof value === 'string' && !stringFits(schema, value)) return false
  if (typeof value === 'number' && !numberFits(schema, value)) return false
  if (Array.isArray(value)) return schema.items === undefined || itemsFit(schema.items, value, depth)
  if (value !== null && typeof value === 'object') return objectFits(schema, value as Record<string, unknown>, depth)
  return true
}

function hasType(type: JSONSchema4['type'], value: unknown): boolean {
  const types = Array.isArray(type) ? type : [type]
  for (const name of types) {
    if (name === 'string' && typeof value === 'string') return true
    if (name === 'boolean' && typeof value === 'boolean') return true
    if (name === 'null' && value === null) return true
    // Non-finite numbers are left to Ajv (its integer check accepts Infinity).
    if (name === 'number' && typeof value === 'number' && Number.isFinite(value)) return true
    if (name === 'integer' && typeof value === 'number' && Number.isInteger(value)) return true
    if (name === 'array' && Array.isArray(value)) return true
    if (name === 'object' && value !== null && typeof value === 'object' && !Array.isArray(value)) return true
  }
  return false
}

function inEnum(values: unknown, value: unknown): boolean {
  if (!Array.isArray(values)) return false
  for (const option of values) {
    if (option !== null && typeof option === 'object') return false
    if (option === value) return true
  }
  return false
}

function stringFits(schema: JSONSchema4, value: string): boolean {
  if (schema.format !== undefined && !FORMATS[schema.format as string](value)) return false
  if (schema.minLength === undefined && schema.maxLength === undefined) return true
  if (typeof (schema.minLength ?? 0) !== 'number' || typeof (schema.maxLength ?? 0) !== 'number') return false
  // Ajv counts code points; texts with surrogate pairs are left to it.
  if (/[\uD800-\uDFFF]/.test(value)) return false
  if (schema.minLength !== undefined && value.length < schema.minLength) return false
  return schema.maxLength === undefined || value.length <= schema.maxLength
}

function numberFits(schema: JSONSchema4, value: number): boolean {
  if (schema.minimum !== undefined && !(typeof schema.minimum === 'number' && value >= schema.minimum)) return false
  if (schema.maximum !== undefined && !(typeof schema.maximum === 'number' && value <= schema.maximum)) return false
  return true
}

function itemsFit(items: JSONSchema4['items'], value: unknown[], depth: number): boolean {
  if (items === null || typeof items !== 'object' || Array.isArray(items)) return false
  for (let i = 0; i < value.length; i++) {
    if (!(i in value) || !check(items, value[i], depth + 1)) return false
  }
  return true
}

function objectFits(schema: JSONSchema4, value: Record<string, unknown>, depth: number): boolean {
  const properties = schema.properties
  if (properties !== undefined && (properties === null || typeof properties !== 'object')) return false
  const additional = schema.additionalProperties
  // Ajv removes keys a closed object does not list; a schema there is left to Ajv too.
  if (additional !== undefined && additional !== true && additional !== false) return false
  if (schema.required !== undefined) {
    if (!Array.isArray(schema.required)) return false
    for (const key of schema.required) if (typeof key !== 'string' || value[key] === undefined) return false
  }
  // Each listed property as Ajv reads it (inherited and non-enumerable ones included)...
  if (properties !== undefined) {
    for (const key in properties) {
      if (!hasOwn.call(properties, key)) continue
      const item = value[key]
      if (item !== undefined && !check(properties[key] as JSONSchema4, item, depth + 1)) return false
    }
  }
  // ...then the keys a closed object would lose, and inherited enumerable keys, are left to Ajv.
  for (const key in value) {
    if (!hasOwn.call(value, key)) return false
    if (additional === false && (properties === undefined || !hasOwn.call(properties, key))) return false
  }
  return true
}
