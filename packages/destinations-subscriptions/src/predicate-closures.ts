import { conditionKeys } from './condition-path'
import { compileOperator } from './operators'
import { readKey, readPath } from './path'
import type { EventPredicate } from './event-predicate'
import { MAX_AST_DEPTH } from './validate'

/**
 * Compiles an AST into nested closures. This is the fallback of the generated predicate
 * (predicate-code.ts) where code generation is refused or the AST is too large for it; both
 * agree with `validate` on every AST.
 */
export function closurePredicate(root: unknown): EventPredicate {
  if (!isObject(root) || root.type !== 'group') return never
  const predicate = compileNode(root, 0)
  // An event whose reads throw (a throwing getter, a Proxy trap) does not match: predicates never throw.
  return (event) => {
    try {
      return predicate(event)
    } catch {
      return false
    }
  }
}

const never: EventPredicate = () => false
const always: EventPredicate = () => true

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

function compileNode(node: unknown, depth: number): EventPredicate {
  if (!isObject(node) || depth > MAX_AST_DEPTH) return never
  if (node.type === 'group') return compileGroup(node, depth)
  const keys = conditionKeys(node.type, node.name)
  if (keys === null) return never
  const test = compileOperator(node.operator, node.value)
  return compileRead(keys, test)
}

function compileGroup(node: Record<string, unknown>, depth: number): EventPredicate {
  const { children, operator } = node
  if (!Array.isArray(children) || (operator !== 'and' && operator !== 'or')) return never
  const parts = children.map((child) => compileNode(child, depth + 1))
  if (operator === 'and') {
    if (parts.length === 0) return always
    if (parts.length === 1) return parts[0]
    if (parts.length === 2) {
      const [a, b] = parts
      return (event) => a(event) && b(event)
    }
    if (parts.length === 3) {
      const [a, b, c] = parts
      return (event) => a(event) && b(event) && c(event)
    }
    return (event) => {
      for (let i = 0; i < parts.length; i++) if (!parts[i](event)) return false
      return true
    }
  }
  if (parts.length === 0) return never
  if (parts.length === 1) return parts[0]
  if (parts.length === 2) {
    const [a, b] = parts
    return (event) => a(event) || b(event)
  }
  return (event) => {
    for (let i = 0; i < parts.length; i++) if (parts[i](event)) return true
    return false
  }
}

// Paths are split at compile time; short paths get unrolled readers.
function compileRead(keys: string[], test: (actual: unknown) => boolean): EventPredicate {
  switch (keys.length) {
    case 0:
      return () => test(undefined)
    case 1: {
      const [k0] = keys
      return (event) => test(readKey(event, k0))
    }
    case 2: {
      const [k0, k1] = keys
      return (event) => {
        const first = readKey(event, k0)
        return test(first === undefined ? undefined : readKey(first, k1))
      }
    }
    default:
      return (event) => test(readPath(event, keys))
  }
}
