/** What a keyword describer gets to build its sentence from. */
export interface KeywordContext {
  keyword: string
  schemaPath: string
  params: Record<string, unknown>
  /** The offending value (Ajv's `verbose: true`). */
  data: unknown
  /** False when the error carries no `data` at all, so no "but it was ..." clause can be written. */
  hasData: boolean
  parentSchema: Record<string, unknown> | undefined
  /** The key being checked when the error comes from inside `propertyNames`. */
  propertyName: string | undefined
}

/**
 * Returns the predicate of the sentence (`must be a string but it was a number`), `null` when
 * the error only repeats another one, or `undefined` to fall back to Ajv's own message.
 */
export type KeywordDescriber = (context: KeywordContext) => string | null | undefined
