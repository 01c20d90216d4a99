import type { JSONSchema4, JSONSchema4TypeName, JSONSchema4Type } from 'json-schema'
import type { InputField, GlobalSetting, Optional, DependsOnConditions, Condition, FieldCondition } from './types'

export type MinimalInputField =
  Optional<InputField, 'description'> | (Optional<GlobalSetting, 'description'> & { additionalProperties?: boolean })

export type MinimalFields = Record<string, MinimalInputField>

interface SchemaOptions {
  tsType?: boolean
  additionalProperties?: boolean
  omitRequiredSchemas?: boolean
}

const SCHEMA_URI = 'http://json-schema.org/schema#'

function isFieldCondition(condition: Condition): condition is FieldCondition {
  return condition.type !== 'syncMode'
}

// `{ properties: { a: { properties: { b: inner }, required: ['b'] } }, required: ['a'] }` for key "a.b".
function nestedCondition(fieldKey: string, inner: JSONSchema4, innerFirst: boolean): JSONSchema4 {
  const parts = fieldKey.split('.')
  let schema: JSONSchema4 | undefined
  for (let i = parts.length - 1; i >= 0; i--) {
    const key = parts[i]
    const properties = { [key]: schema ?? inner }
    schema = innerFirst ? { properties, required: [key] } : { required: [key], properties }
  }
  return schema as JSONSchema4
}

// The JSON Schema that is true when one field condition holds.
export function fieldConditionSingleDependencyToJsonSchema(condition: Condition, fieldKey: string): JSONSchema4 {
  return conditionSchema(condition as FieldCondition, fieldKey, true)
}

function conditionSchema(condition: FieldCondition, fieldKey: string, innerFirst: boolean): JSONSchema4 {
  const value = condition.value as JSONSchema4Type | undefined
  if (value === undefined) {
    // "is undefined" means absent; "is not undefined" means present.
    const present: JSONSchema4 = nestedPresence(fieldKey)
    return condition.operator === 'is' ? { not: present } : present
  }
  const constSchema: JSONSchema4 = condition.operator === 'is' ? { const: value } : { not: { const: value } }
  return nestedCondition(fieldKey, constSchema, innerFirst)
}

function nestedPresence(fieldKey: string): JSONSchema4 {
  const parts = fieldKey.split('.')
  if (parts.length === 1) return { required: [fieldKey] }
  const last = parts.pop() as string
  return nestedCondition(parts.join('.'), { required: [last] }, true)
}

// The `if` part of a conditionally required field; undefined when it cannot be expressed
// (sync mode conditions are not part of the payload, so they are not enforced by the schema).
export function singleFieldConditionsToJsonSchema(
  fieldKey: string,
  singleFieldConditions: DependsOnConditions
): JSONSchema4 | undefined {
  const conditions = Array.isArray(singleFieldConditions?.conditions) ? singleFieldConditions.conditions : []
  if (!conditions.every(isFieldCondition)) return undefined
  const then = thenFor(fieldKey)
  if (conditions.length === 1) {
    const only = conditions[0] as FieldCondition
    if (typeof only.fieldKey !== 'string') return undefined
    return { if: conditionSchema(only, only.fieldKey, only.fieldKey.includes('.')), then }
  }
  const parts: JSONSchema4[] = []
  for (const condition of conditions as FieldCondition[]) {
    if (typeof condition.fieldKey !== 'string') return undefined
    parts.push(conditionSchema(condition, condition.fieldKey, true))
  }
  const combined: JSONSchema4 = singleFieldConditions.match === 'any' ? { anyOf: parts } : { allOf: parts }
  return { if: combined, then }
}

function thenFor(fieldKey: string): JSONSchema4 {
  const parts = fieldKey.split('.')
  if (parts.length === 1) return { required: [fieldKey] }
  const last = parts.pop() as string
  return nestedCondition(parts.join('.'), { required: [last] }, false)
}

export function conditionsToJsonSchema(allFieldConditions: Record<string, DependsOnConditions>): JSONSchema4 {
  const allOf: JSONSchema4[] = []
  for (const fieldKey of Object.keys(allFieldConditions)) {
    const schema = singleFieldConditionsToJsonSchema(fieldKey, allFieldConditions[fieldKey])
    if (schema) allOf.push(schema)
  }
  return { allOf }
}

function baseType(field: MinimalInputField): JSONSchema4TypeName | JSONSchema4TypeName[] {
  switch (field.type) {
    case 'datetime':
      return ['string', 'number']
    case 'password':
    case 'text':
      return 'string'
    default:
      return field.type as JSONSchema4TypeName
  }
}

function choiceValue(choice: unknown): JSONSchema4Type {
  if (typeof choice === 'string') return choice
  if (choice !== null && typeof choice === 'object')
    return (choice as { value?: JSONSchema4Type }).value as JSONSchema4Type
  return undefined as unknown as JSONSchema4Type
}

function fieldToJsonSchema(
  field: MinimalInputField,
  options: SchemaOptions,
  nested: Record<string, DependsOnConditions>,
  key: string
): JSONSchema4 {
  const type = baseType(field)
  const format =
    field.type === 'datetime'
      ? 'date-like'
      : field.type === 'password' || field.type === 'text'
        ? field.type
        : field.format
  const schema: JSONSchema4 = {
    title: field.label,
    description: field.description,
    type,
    format,
    default: field.default as JSONSchema4Type
  }
  const multiple = field.multiple === true
  if (options.tsType && field.type === 'datetime') {
    schema.tsType = field.allowNull ? 'string | number | null' : 'string | number'
  }
  if (field.allowNull && !multiple) schema.type = [...(Array.isArray(type) ? type : [type]), 'null']

  // Bounds: string lengths, number values (integer fields get none, as in the reference).
  const input = field as InputField
  // A bound of 0 counts as unset, as in the reference.
  if (field.type === 'string') {
    if (input.minimum) schema.minLength = input.minimum
    if (input.maximum) schema.maxLength = input.maximum
  } else if (field.type === 'number') {
    if (input.minimum) schema.minimum = input.minimum
    if (input.maximum) schema.maximum = input.maximum
  }

  let enumValues: JSONSchema4Type[] | undefined
  if (Array.isArray(field.choices)) {
    enumValues = (field.choices as unknown[]).map(choiceValue)
    if (field.allowNull) enumValues.push(null)
    if (!multiple) schema.enum = enumValues
  }

  const properties = field.type === 'object' ? (field as InputField).properties : undefined
  let objectSchema: JSONSchema4 | undefined
  if (properties && typeof properties === 'object') {
    // Conditionally required sub-properties are lifted to the top level, where the parent key is known.
    const childConditions: Record<string, DependsOnConditions> = {}
    for (const childKey of Object.keys(properties)) {
      const required = properties[childKey]?.required
      if (required !== null && typeof required === 'object') childConditions[`${key}.${childKey}`] = required
    }
    const hasConditions = Object.keys(childConditions).length > 0
    objectSchema = fieldsToJsonSchema(properties as MinimalFields, {
      additionalProperties: (field as InputField).additionalProperties || false,
      omitRequiredSchemas: hasConditions
    })
    Object.assign(nested, childConditions)
  }

  if (multiple) {
    schema.type = 'array'
    if (objectSchema) {
      schema.items = objectSchema
    } else {
      const items: JSONSchema4 = { type }
      if (enumValues) items.enum = enumValues
      schema.items = items
    }
  } else if (objectSchema) {
    Object.assign(schema, objectSchema)
  }
  return schema
}

// The JSON Schema that payloads (or settings) built from these fields must satisfy.
export function fieldsToJsonSchema(
  fields: MinimalFields = {},
  options: SchemaOptions = {},
  additionalSchema?: JSONSchema4
): JSONSchema4 {
  const properties: Record<string, JSONSchema4> = {}
  const required: string[] = []
  // In field order; a field's lifted sub-property conditions come before its own.
  const conditions: Array<[string, DependsOnConditions]> = []

  for (const key of Object.keys(fields ?? {})) {
    const field = fields[key]
    if (field === null || typeof field !== 'object') {
      throw new TypeError(
        `Field "${key}" must be an object describing the field, got ${field === null ? 'null' : typeof field}`
      )
    }
    // Assigning it would replace the prototype of `properties` (the reference does).
    if (key === '__proto__') throw new TypeError('Field "__proto__" cannot be described: choose another field name')
    const nested: Record<string, DependsOnConditions> = {}
    properties[key] = fieldToJsonSchema(field, options, nested, key)
    for (const nestedKey of Object.keys(nested)) conditions.push([nestedKey, nested[nestedKey]])
    const isRequired = (field as InputField).required
    if (isRequired === true) required.push(key)
    else if (isRequired !== null && typeof isRequired === 'object') conditions.push([key, isRequired])
  }

  const schema: JSONSchema4 = {
    $schema: SCHEMA_URI,
    type: 'object',
    additionalProperties: options.additionalProperties ?? false,
    properties
  }
  // Type generation (tsType) keeps `required` and has no use for conditional schemas.
  if (options.tsType) {
    schema.required = required
  } else if (!options.omitRequiredSchemas) {
    schema.required = required
    const allOf: JSONSchema4[] = []
    for (const [fieldKey, dependsOn] of conditions) {
      const conditional = singleFieldConditionsToJsonSchema(fieldKey, dependsOn)
      if (conditional) allOf.push(conditional)
    }
    if (allOf.length > 0) schema.allOf = allOf
  }
  return additionalSchema ? { ...schema, ...additionalSchema } : schema
}
