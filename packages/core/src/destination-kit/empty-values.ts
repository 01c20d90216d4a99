import type { JSONSchema4 } from 'json-schema'

// The per-event form of removeEmptyValues (same rules), compiled once per schema. It returns
// its input untouched when nothing has to go, and otherwise a copy of the parts that change.
// Its input is a freshly mapped payload, so later validation may edit what it returns.
type Remover = (value: unknown) => unknown

interface Rule {
  dropNull: boolean
  dropEmpty: boolean
  items?: { dropNull: boolean; dropEmpty: boolean }
  nested?: Remover
}

const cache = new WeakMap<object, Remover>()
const hasOwnProperty = Object.prototype.hasOwnProperty

function allows(schema: JSONSchema4 | undefined, type: string): boolean {
  const t = schema?.type
  return Array.isArray(t) ? t.includes(type as never) : t === type
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function rulesFor(schema: JSONSchema4): Map<string, Rule> {
  const rules = new Map<string, Rule>()
  const properties = schema.properties ?? {}
  for (const key of Object.keys(properties)) {
    const prop = properties[key]
    const rule: Rule = { dropNull: !allows(prop, 'null'), dropEmpty: !allows(prop, 'string') }
    if (allows(prop, 'array') && isPlainObject(prop.items)) {
      const items = prop.items as JSONSchema4
      rule.items = { dropNull: !allows(items, 'null'), dropEmpty: !allows(items, 'string') }
    }
    if (allows(prop, 'object') && prop.properties) rule.nested = compileRemover(prop, false)
    rules.set(key, rule)
  }
  return rules
}

function cleanArray(items: unknown[], rule: { dropNull: boolean; dropEmpty: boolean }): unknown[] {
  let out: unknown[] | undefined
  for (let i = 0; i < items.length; i++) {
    const item = items[i]
    const drop = (item === null && rule.dropNull) || (item === '' && rule.dropEmpty)
    if (drop && !out) out = items.slice(0, i)
    else if (!drop && out) out.push(item)
  }
  return out ?? items
}

export function compileRemover(schema: JSONSchema4, isRoot: boolean): Remover {
  const cached = isRoot ? cache.get(schema) : undefined
  if (cached) return cached
  const rules = rulesFor(schema)
  const needsWork = (value: Record<string, unknown>): boolean => {
    // for-in reads values through the engine's enumeration cache: no generic keyed lookup per key.
    for (const key in value) {
      if (!hasOwnProperty.call(value, key)) continue
      const item = value[key]
      if (item === '' || item === null) return true
      if (typeof item === 'object') {
        const rule = rules.get(key)
        if (rule === undefined) continue
        if (rule.nested && isPlainObject(item)) return true
        if (rule.items && Array.isArray(item) && cleanArray(item, rule.items) !== item) return true
      }
    }
    return false
  }
  const remover: Remover = (value) => {
    if (!isPlainObject(value)) return isRoot && (value === '' || value === null) ? undefined : value
    // Most payloads have nothing to drop: one read-only pass says so.
    if (!needsWork(value)) return value
    let out: Record<string, unknown> | undefined
    const keys = Object.keys(value)
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]
      const item = value[key]
      // Plain strings, numbers and booleans need no rule: the common case costs one check.
      if (item !== '' && item !== null && typeof item !== 'object') {
        if (out) out[key] = item
        continue
      }
      const rule = rules.get(key)
      let next: unknown = item
      let drop = false
      if (item === '') drop = isRoot || (rule !== undefined && rule.dropEmpty)
      else if (item === null) drop = rule !== undefined && rule.dropNull
      else if (rule !== undefined) {
        if (rule.items && Array.isArray(item)) next = cleanArray(item, rule.items)
        else if (rule.nested && isPlainObject(item)) next = rule.nested(item)
      }
      if (!out && (drop || next !== item)) {
        out = {}
        for (let j = 0; j < i; j++) out[keys[j]] = value[keys[j]]
      }
      if (out && !drop) out[key] = next
    }
    return out ?? value
  }
  if (isRoot) cache.set(schema, remover)
  return remover
}
