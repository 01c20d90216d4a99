import { patternLabel } from '../schema-hints'
import type { KeywordDescriber } from './keyword-context'

/**
 * `must be a five-digit ZIP code but it was not` with the custom `patternLabel` keyword,
 * `is an invalid string` without. A pattern directly under `propertyNames` is dropped: the
 * `propertyNames` error that follows names the offending key.
 */
export const describePattern: KeywordDescriber = ({ schemaPath, parentSchema }) => {
  if (schemaPath.endsWith('/propertyNames/pattern')) return null
  const label = patternLabel(parentSchema)
  return label === undefined ? 'is an invalid string' : `must be ${label} but it was not`
}
