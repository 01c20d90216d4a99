import type { EventPredicate } from './event-predicate'
import { FqlSyntaxError } from './errors/fql-syntax-error'
import { exactTextPattern } from './exact-text'
import { LruCache } from './lru-cache'
import { parse } from './parser'
import { closurePredicate } from './predicate-closures'
import { generatedPredicate } from './predicate-code'
import type { GroupCondition, Subscription } from './types'

export type { EventPredicate } from './event-predicate'

interface CompiledText {
  predicate: EventPredicate
  /** Kept until the query has been asked for often enough to get generated code. */
  ast: GroupCondition | undefined
  uses: number
  /** Made when the query enters the front cache, then kept with the entry. */
  pattern: RegExp | undefined
}

// Generating code costs about 50 µs, ten times a parse: a query gets it (and a place in the
// front cache) once it has been asked for this many times; until then it runs as closures.
const GENERATE_AFTER_USES = 8

/** Compiled queries, by FQL text: a fresh copy of the same string hits the same entry. */
const CACHE_CAPACITY = 1000
const compiledByText = new LruCache<string, CompiledText>(CACHE_CAPACITY)

/**
 * Compiles FQL (or an AST) once into a predicate over events. Compiled FQL strings are
 * cached (LRU, 1000 entries), so calling `compileFql(query)(event)` per event is cheap. An AST
 * gets generated code at once; a string gets closures first and generated code once it has
 * been asked for a few times (so the returned function changes once; both agree).
 *
 * Throws `FqlSyntaxError` (with `line` and `column`) for FQL that does not parse, and for an
 * `{ error }` AST rethrows its error. The predicate itself never throws and agrees with
 * `validate` on every AST.
 */
export function compileFql(fqlOrAst: string | Subscription): EventPredicate {
  if (typeof fqlOrAst !== 'string') return compileTree(fqlOrAst)
  // Front cache: a recent query is recognised by testing the text against the exact-text
  // patterns of the (at most two) recent queries of its length, without hashing the text.
  const slot = (fqlOrAst.length & (FRONT_LENGTHS - 1)) << 1
  const newest = frontPatterns[slot]
  if (newest !== undefined && newest.test(fqlOrAst)) return frontPredicates[slot] as EventPredicate
  const older = frontPatterns[slot + 1]
  if (older !== undefined && older.test(fqlOrAst)) return frontPredicates[slot + 1] as EventPredicate
  return compileText(fqlOrAst, slot)
}

function compileText(fql: string, slot: number): EventPredicate {
  let compiled = compiledByText.get(fql)
  if (compiled === undefined) {
    // parse() throws FqlSyntaxError with its position; a failed parse is not cached.
    const ast = parse(fql)
    compiled = { predicate: closurePredicate(ast), ast, uses: 0, pattern: undefined }
    compiledByText.set(fql, compiled)
  }
  if (compiled.ast !== undefined) {
    if (++compiled.uses < GENERATE_AFTER_USES) return compiled.predicate
    compiled.predicate = generatedPredicate(compiled.ast) ?? compiled.predicate
    compiled.ast = undefined
  }
  if (fql.length <= FRONT_MAX_LENGTH) {
    compiled.pattern ??= exactTextPattern(fql)
    // The newest query of this length goes first; the one it displaces becomes the older.
    frontPatterns[slot + 1] = frontPatterns[slot]
    frontPredicates[slot + 1] = frontPredicates[slot]
    frontPatterns[slot] = compiled.pattern
    frontPredicates[slot] = compiled.predicate
  }
  return compiled.predicate
}

function compileTree(ast: Subscription): EventPredicate {
  if (typeof ast !== 'object' || ast === null) {
    throw new FqlSyntaxError(`compileFql expects an FQL string or an AST, got ${ast === null ? 'null' : typeof ast}`, {
      line: 1,
      column: 1,
      offset: 0
    })
  }
  if ('error' in ast) {
    if (ast.error instanceof Error) throw ast.error
    throw new FqlSyntaxError('compileFql was given a failed parse result', { line: 1, column: 1, offset: 0 })
  }
  return compileAst(ast)
}

/** Generated code where allowed and the AST is not huge, closures otherwise: they agree. */
function compileAst(root: unknown): EventPredicate {
  return generatedPredicate(root) ?? closurePredicate(root)
}

// Two recent queries per length (modulo 256): same-length queries used in turn both stay.
const FRONT_LENGTHS = 256
// Longer queries are rare and hashing them costs little next to their match.
const FRONT_MAX_LENGTH = 1000
const frontPatterns: (RegExp | undefined)[] = new Array<RegExp | undefined>(FRONT_LENGTHS * 2).fill(undefined)
const frontPredicates: (EventPredicate | undefined)[] = new Array<EventPredicate | undefined>(FRONT_LENGTHS * 2).fill(
  undefined
)

/** Forgets every cached compiled query (for tests and long-running processes that want to). */
export function clearFqlCache(): void {
  compiledByText.clear()
  frontPatterns.fill(undefined)
  frontPredicates.fill(undefined)
}
