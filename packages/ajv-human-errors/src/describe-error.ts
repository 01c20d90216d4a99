import { KEYWORD_DESCRIBERS } from './keywords'
import type { AjvErrorParts } from './read-ajv-error'
import { customErrorMessage } from './schema-hints'

/** Ajv's own text when no dedicated sentence exists, e.g. `must match a schema in anyOf`. */
function fallbackPredicate({ keyword, message }: AjvErrorParts): string {
  if (message !== undefined) return message
  return keyword === '' ? 'is invalid' : `does not satisfy the "${keyword}" keyword`
}

/**
 * The sentence for one Ajv error, starting with `subject` (`Age`, `The root value`, ...),
 * or null when the error only repeats what another error of the same run says.
 */
export function describeError(parts: AjvErrorParts, subject: string): string | null {
  const custom = customErrorMessage(parts.parentSchema, parts.keyword)
  if (custom !== undefined) return `${subject} ${custom}.`

  const describer = KEYWORD_DESCRIBERS.get(parts.keyword)
  const predicate = describer?.({
    keyword: parts.keyword,
    schemaPath: parts.schemaPath,
    params: parts.params,
    data: parts.data,
    hasData: parts.hasData,
    parentSchema: parts.parentSchema,
    propertyName: parts.propertyName
  })
  if (predicate === null) return null
  return `${subject} ${predicate ?? fallbackPredicate(parts)}.`
}
