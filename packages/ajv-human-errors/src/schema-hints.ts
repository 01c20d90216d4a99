/** Plain-object check that keeps arrays and null out. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Own property only, so keys such as `constructor` never reach the prototype. */
export function ownValue(record: Record<string, unknown> | undefined, key: string): unknown {
  return record !== undefined && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined
}

/** Text worth showing: a non-blank string. Other values would print as `5` or `[object Object]`. */
function readableText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined
}

/** The schema's `title`, used as the field label. */
export function schemaTitle(parentSchema: Record<string, unknown> | undefined): string | undefined {
  const title = ownValue(parentSchema, 'title')
  if (typeof title !== 'string' || title.trim() === '') return undefined
  // It starts the sentence.
  return title.charAt(0).toUpperCase() + title.slice(1)
}

/**
 * The custom `errorMessage` keyword replaces the generated sentence. A string applies to every
 * keyword of the schema; an object (ajv-errors style) may name one message per keyword.
 */
export function customErrorMessage(
  parentSchema: Record<string, unknown> | undefined,
  keyword: string
): string | undefined {
  const errorMessage = ownValue(parentSchema, 'errorMessage')
  // Used as written: like the reference, the sentence still gets its own full stop ("needs a.." for
  // "needs a.").
  return isRecord(errorMessage) ? readableText(ownValue(errorMessage, keyword)) : readableText(errorMessage)
}

/** The custom `patternLabel` keyword names what a `pattern` expects, e.g. `a five-digit ZIP code`. */
export function patternLabel(parentSchema: Record<string, unknown> | undefined): string | undefined {
  return readableText(ownValue(parentSchema, 'patternLabel'))
}
