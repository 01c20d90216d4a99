import { parse } from './parser'
import { parsedQuery, rememberCopy } from './parsed-queries'
import type { Subscription } from './types'

/**
 * Parses an FQL query into an AST. Never throws: a query that cannot be read returns
 * `{ error }`, an `FqlSyntaxError` carrying `line` and `column`.
 */
const parseFql = (fql: string): Subscription => {
  if (typeof fql !== 'string') {
    return { error: new TypeErrorFree(`parseFql expects a string, got ${fql === null ? 'null' : typeof fql}`) }
  }
  try {
    // Parsed once per query text; every call still gets an AST of its own to keep or change.
    const parsed = parsedQuery(fql)
    if (parsed === undefined) return parse(fql)
    const copy = parsed.copy()
    rememberCopy(copy, parsed)
    return copy
  } catch (error) {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }
}

/** A plain Error (not a TypeError) so callers can tell bad input from engine failures. */
class TypeErrorFree extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'FqlInputError'
  }
}

export default parseFql
