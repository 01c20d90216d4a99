import type { DynamicFieldContext } from './types'

// The reference's two field-name forms: `parent.[index].child` (an item of an array field) and
// `parent.child` (a property of an object field).
const ARRAY_ITEM = /^(.*)\.\[(\d+)\]\.(.*)$/
const OBJECT_PROPERTY = /^(.*)\.(.*)$/

export interface DynamicFieldLookup {
  handler?: unknown
  context?: DynamicFieldContext
}

function own(value: unknown, key: string): unknown {
  return value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    Object.prototype.hasOwnProperty.call(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined
}

// Own properties only along a dotted path, so `constructor` or `__proto__` never name a handler.
function ownPath(root: unknown, path: string): unknown {
  let value = root
  for (const key of path.split('.')) value = own(value, key)
  return value
}

/**
 * Finds the handler of a dynamic field the way the reference does: `arr.[2].child` runs
 * `dynamicFields.arr.child` with `{ selectedArrayIndex: 2 }`; `obj.key`, when `obj` has no handler
 * of its own named `key`, runs `dynamicFields.obj.__values__` with `{ selectedKey: 'key' }`.
 */
export function findDynamicFieldHandler(handlers: unknown, field: string): DynamicFieldLookup {
  if (handlers === null || typeof handlers !== 'object' || typeof field !== 'string') return {}
  let path = field
  let context: DynamicFieldContext | undefined
  const match = ARRAY_ITEM.exec(field) ?? OBJECT_PROPERTY.exec(field)
  if (match) {
    const [, parent, indexOrChild, child] = match
    if (child) {
      context = { selectedArrayIndex: parseInt(indexOrChild, 10) }
      path = `${parent}.${child}`
    } else {
      const parentHandlers = own(handlers, parent)
      if (parentHandlers && own(parentHandlers, indexOrChild) === undefined) {
        path = `${parent}.__values__`
        context = { selectedKey: indexOrChild }
      }
    }
  }
  return { handler: ownPath(handlers, path), context }
}
