import type { EventPredicate } from './event-predicate'
import { FqlSyntaxError } from './errors/fql-syntax-error'
import { parse } from './parser'
import { clearParsedQueries } from './parsed-queries'
import { closurePredicate } from './predicate-closures'
import { generatedPredicate } from './predicate-code'
import { TextCache } from './text-cache'
import type { GroupCondition, Subscription } from './types'

export type { EventPredicate } from './event-predicate'

interface CompiledText {
  predicate: EventPredicate
  /** Kept until the query has been asked for often enough to get generated code. */
  ast: GroupCondition | undefined
  uses: number
}

// Generating code costs about 50 µs, ten times a parse: a query gets it once it has been asked
// for this many times; until then it runs as closures.
const GENERATE_AFTER_USES = 8

/** Compiled queries, by FQL text: a fresh copy of the same string hits the same entry. */
const CACHE_CAPACITY = 1000
const compiledByText = new TextCache<CompiledText>(CACHE_CAPACITY)

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
  let compiled = compiledByText.get(fqlOrAst)
  if (compiled === undefined) {
    // parse() throws FqlSyntaxError with its position; a failed parse is not cached.
    const ast = parse(fqlOrAst)
    compiled = { predicate: closurePredicate(ast), ast, uses: 0 }
    compiledByText.set(fqlOrAst, compiled)
  }
  if (compiled.ast !== undefined && ++compiled.uses >= GENERATE_AFTER_USES) {
    compiled.predicate = generatedPredicate(compiled.ast) ?? compiled.predicate
    compiled.ast = undefined
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

/** Forgets every cached compiled query and parse (for tests and long-running processes that want to). */
export function clearFqlCache(): void {
  clearParsedQueries()
  compiledByText.clear()
}
