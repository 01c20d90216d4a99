import type { JSONSchema4 } from 'json-schema'

function allows(schema: JSONSchema4 | undefined, type: string): boolean {
  const t = schema?.type
  return Array.isArray(t) ? t.includes(type as never) : t === type
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

// Drops the values a field cannot hold before validation: `null` where the schema does not allow
// null, `""` where it does not allow strings, and every `""` at the root. Array items follow the
// same rules against the item schema. Values without a schema are kept as they are.
// Returns new objects and arrays wherever something may change; the input is never modified.
export function removeEmptyValues(obj: unknown, schema?: JSONSchema4, isRoot = false): unknown {
  if (!isPlainObject(obj)) {
    if (isRoot && (obj === '' || obj === null)) return undefined
    return obj
  }
  const properties = schema?.properties
  const result: Record<string, unknown> = {}
  for (const key of Object.keys(obj)) {
    const value = obj[key]
    const propSchema = properties ? properties[key] : undefined
    if (value === '' && (isRoot || (propSchema && !allows(propSchema, 'string')))) continue
    if (value === null && propSchema && !allows(propSchema, 'null')) continue
    if (propSchema) {
      if (Array.isArray(value) && allows(propSchema, 'array') && isPlainObject(propSchema.items)) {
        result[key] = cleanItems(value, propSchema.items as JSONSchema4)
        continue
      }
      if (isPlainObject(value) && allows(propSchema, 'object') && propSchema.properties) {
        result[key] = removeEmptyValues(value, propSchema, false)
        continue
      }
    }
    result[key] = value
  }
  return result
}

function cleanItems(items: unknown[], itemSchema: JSONSchema4): unknown[] {
  const keepNull = allows(itemSchema, 'null')
  const keepEmpty = allows(itemSchema, 'string')
  const out: unknown[] = []
  for (const item of items) {
    if (item === null && !keepNull) continue
    if (item === '' && !keepEmpty) continue
    // Item objects are not cleaned (as in the reference) but copied, since validation may edit them.
    out.push(isPlainObject(item) && itemSchema.properties ? cloneJsonLike(item) : item)
  }
  return out
}

function cloneJsonLike(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(cloneJsonLike)
  if (!isPlainObject(value)) return value
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value)) out[key] = cloneJsonLike(value[key])
  return out
}
