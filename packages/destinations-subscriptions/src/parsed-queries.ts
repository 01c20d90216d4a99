import { astCopier } from './ast-copier'
import type { AstCopier } from './ast-copier'
import { copyCheck } from './copy-check'
import type { CopyCheck } from './copy-check'
import type { EventPredicate } from './event-predicate'
import { parse } from './parser'
import { closurePredicate } from './predicate-closures'
import { generatedPredicate } from './predicate-code'
import { TextCache } from './text-cache'
import type { GroupCondition, Subscription } from './types'

/**
 * What `parseFql` and `validate` keep about a query they have parsed: the AST (private, never
 * handed out), a copier that makes the fresh AST each `parseFql` call returns, and a predicate
 * that agrees with `validate` on that AST.
 */
export interface ParsedQuery {
  readonly ast: GroupCondition
  readonly copy: AstCopier
  readonly unchanged: CopyCheck
  predicate: EventPredicate
  uses: number
}

// Generating code costs about ten parses: a query gets it once validate has used it this often.
const GENERATE_AFTER_USES = 8
// Longer queries are parsed every time: caching them would keep up to this much text per entry.
const MAX_CACHED_LENGTH = 4096
const parsedByText = new TextCache<ParsedQuery>(1000)

/** The cached parse of `fql`; throws the parser's FqlSyntaxError (failures are not cached). */
export function parsedQuery(fql: string): ParsedQuery | undefined {
  if (fql.length > MAX_CACHED_LENGTH) return undefined
  let parsed = parsedByText.get(fql)
  if (parsed === undefined) {
    const ast = parse(fql)
    parsed = { ast, copy: astCopier(ast), unchanged: copyCheck(ast), predicate: closurePredicate(ast), uses: 0 }
    parsedByText.set(fql, parsed)
  }
  return parsed
}

// The copies parseFql handed out most recently, and their queries: `validate(parseFql(q), e)`
// finds its AST here by identity (a WeakMap entry per call would cost more than the match).
const RECENT = 16
const recentCopies = new Array<Subscription | undefined>(RECENT).fill(undefined)
const recentQueries = new Array<ParsedQuery | undefined>(RECENT).fill(undefined)
let nextRecent = 0

export function rememberCopy(copy: Subscription, parsed: ParsedQuery): void {
  recentCopies[nextRecent] = copy
  recentQueries[nextRecent] = parsed
  nextRecent = (nextRecent + 1) & (RECENT - 1)
}

/**
 * The predicate for an AST that parseFql handed out recently and that still reads as the parsed
 * AST does (the caller may have changed it since); undefined otherwise, and validate walks it.
 */
export function predicateOfCopy(ast: object): EventPredicate | undefined {
  for (let i = 0; i < RECENT; i++) {
    if (recentCopies[i] !== ast) continue
    const parsed = recentQueries[i] as ParsedQuery
    if (!parsed.unchanged(ast)) return undefined
    if (parsed.uses < GENERATE_AFTER_USES && ++parsed.uses === GENERATE_AFTER_USES) {
      parsed.predicate = generatedPredicate(parsed.ast) ?? parsed.predicate
    }
    return parsed.predicate
  }
  return undefined
}

/** Forgets every parsed query and handed-out copy. */
export function clearParsedQueries(): void {
  parsedByText.clear()
  recentCopies.fill(undefined)
  recentQueries.fill(undefined)
}
