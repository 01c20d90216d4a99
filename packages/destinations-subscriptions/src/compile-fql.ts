import { conditionKeys } from './condition-path'
import { FqlSyntaxError } from './errors/fql-syntax-error'
import { LruCache } from './lru-cache'
import { compileOperator } from './operators'
import { parse } from './parser'
import { readKey, readPath } from './path'
import type { Subscription } from './types'
import { MAX_AST_DEPTH } from './validate'

export type EventPredicate = (event: unknown) => boolean

/** Compiled queries, by FQL text: a fresh copy of the same string hits the same entry. */
const CACHE_CAPACITY = 1000
const compiledByText = new LruCache<string, EventPredicate>(CACHE_CAPACITY)

/**
 * Compiles FQL (or an AST) once into a predicate over events. Compiled FQL strings are
 * cached (LRU, 1000 entries), so calling `compileFql(query)(event)` per event is cheap.
 *
 * Throws `FqlSyntaxError` (with `line` and `column`) for FQL that does not parse, and for an
 * `{ error }` AST rethrows its error. The predicate itself never throws and agrees with
 * `validate` on every AST.
 */
export function compileFql(fqlOrAst: string | Subscription): EventPredicate {
  if (typeof fqlOrAst === 'string') {
    // Front cache: a fresh copy of a recent query is found by comparing strings, without
    // hashing the whole text for the Map.
    const slot = frontSlot(fqlOrAst)
    if (frontTexts[slot] === fqlOrAst) return frontPredicates[slot] as EventPredicate
    let predicate = compiledByText.get(fqlOrAst)
    if (predicate === undefined) {
      // parse() throws FqlSyntaxError with its position; a failed parse is not cached.
      predicate = compileAst(parse(fqlOrAst))
      compiledByText.set(fqlOrAst, predicate)
    }
    frontTexts[slot] = fqlOrAst
    frontPredicates[slot] = predicate
    return predicate
  }
  if (typeof fqlOrAst !== 'object' || fqlOrAst === null) {
    throw new FqlSyntaxError(
      `compileFql expects an FQL string or an AST, got ${fqlOrAst === null ? 'null' : typeof fqlOrAst}`,
      {
        line: 1,
        column: 1,
        offset: 0
      }
    )
  }
  if ('error' in fqlOrAst) {
    if (fqlOrAst.error instanceof Error) throw fqlOrAst.error
    throw new FqlSyntaxError('compileFql was given a failed parse result', { line: 1, column: 1, offset: 0 })
  }
  return compileAst(fqlOrAst)
}

const FRONT_SIZE = 64
const frontTexts: (string | undefined)[] = new Array<string | undefined>(FRONT_SIZE).fill(undefined)
const frontPredicates: (EventPredicate | undefined)[] = new Array<EventPredicate | undefined>(FRONT_SIZE).fill(
  undefined
)

/** A slot chosen from the length and three characters: cheap, and stable for equal strings. */
function frontSlot(text: string): number {
  const length = text.length
  if (length === 0) return 0
  return (
    (length * 31 + text.charCodeAt(0) * 7 + text.charCodeAt(length >> 1) * 3 + text.charCodeAt(length - 1)) &
    (FRONT_SIZE - 1)
  )
}

/** Forgets every cached compiled query (for tests and long-running processes that want to). */
export function clearFqlCache(): void {
  compiledByText.clear()
  frontTexts.fill(undefined)
  frontPredicates.fill(undefined)
}

const never: EventPredicate = () => false
const always: EventPredicate = () => true

function compileAst(root: unknown): EventPredicate {
  if (!isObject(root) || root.type !== 'group') return never
  return compileNode(root, 0)
}

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
