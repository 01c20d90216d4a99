import { conditionKeys } from './condition-path'
import { testOperator } from './operators'
import { readPath } from './path'
import { predicateOfCopy } from './parsed-queries'
import type { Subscription } from './types'

/** Deeper ASTs do not match (their evaluation would otherwise risk the stack). */
export const MAX_AST_DEPTH = 1000

/**
 * Evaluates an AST against an event by walking it. Returns false for `{ error }`, for a root
 * that is not a group and for unknown condition types or operators. Use `compileFql` when
 * the same query runs many times.
 */
const validate = (condition: Subscription, data: unknown): boolean => {
  try {
    if (!isObject(condition) || 'error' in condition || condition.type !== 'group') return false
    // An AST parseFql just handed out, unchanged: its compiled predicate, which agrees with the walk.
    const predicate = predicateOfCopy(condition)
    if (predicate !== undefined) return predicate(data)
    return evaluate(condition, data, 0)
  } catch {
    // A throwing getter or Proxy trap in the event (or the AST): no match, as the compiled predicates answer.
    return false
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

function evaluate(node: unknown, data: unknown, depth: number): boolean {
  if (!isObject(node) || depth > MAX_AST_DEPTH) return false
  if (node.type === 'group') {
    const children = node.children
    if (!Array.isArray(children)) return false
    if (node.operator === 'and') {
      for (const child of children) if (!evaluate(child, data, depth + 1)) return false
      return true
    }
    if (node.operator === 'or') {
      for (const child of children) if (evaluate(child, data, depth + 1)) return true
      return false
    }
    return false
  }
  const keys = conditionKeys(node.type, node.name)
  if (keys === null) return false
  const actual = keys.length === 0 ? undefined : readPath(data, keys)
  return testOperator(node.operator, node.value, actual)
}

export default validate
