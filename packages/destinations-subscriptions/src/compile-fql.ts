import type { EventPredicate } from './event-predicate'
import { FqlSyntaxError } from './errors/fql-syntax-error'
import { exactTextPattern } from './exact-text'
import { LruCache } from './lru-cache'
import { parse } from './parser'
import { closurePredicate } from './predicate-closures'
import { generatedPredicate } from './predicate-code'
import type { Subscription } from './types'

export type { EventPredicate } from './event-predicate'

interface CompiledText {
  predicate: EventPredicate
  /** Made on first use by the front cache, then kept with the entry. */
  pattern: RegExp | undefined
}

/** Compiled queries, by FQL text: a fresh copy of the same string hits the same entry. */
const CACHE_CAPACITY = 1000
const compiledByText = new LruCache<string, CompiledText>(CACHE_CAPACITY)

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
    // Front cache: a recent query is recognised by testing the text against the exact-text
    // pattern of the one query in its slot, without hashing the whole text for the Map.
    const slot = frontSlot(fqlOrAst)
    const pattern = frontPatterns[slot]
    if (pattern !== undefined && pattern.test(fqlOrAst)) return frontPredicates[slot] as EventPredicate
    let compiled = compiledByText.get(fqlOrAst)
    if (compiled === undefined) {
      // parse() throws FqlSyntaxError with its position; a failed parse is not cached.
      compiled = { predicate: compileAst(parse(fqlOrAst)), pattern: undefined }
      compiledByText.set(fqlOrAst, compiled)
    }
    if (fqlOrAst.length <= FRONT_MAX_LENGTH) {
      compiled.pattern ??= exactTextPattern(fqlOrAst)
      frontPatterns[slot] = compiled.pattern
      frontPredicates[slot] = compiled.predicate
    }
    return compiled.predicate
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

/** Generated code where allowed and the AST is not huge, closures otherwise: they agree. */
function compileAst(root: unknown): EventPredicate {
  return generatedPredicate(root) ?? closurePredicate(root)
}

const FRONT_SIZE = 64
// Longer queries are rare and hashing them costs little next to their match.
const FRONT_MAX_LENGTH = 1000
const frontPatterns: (RegExp | undefined)[] = new Array<RegExp | undefined>(FRONT_SIZE).fill(undefined)
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
  frontPatterns.fill(undefined)
  frontPredicates.fill(undefined)
}
