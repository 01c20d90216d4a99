import { patternLabel } from '../schema-hints'
import type { KeywordContext, KeywordDescriber } from './keyword-context'

// Keywords whose children are named by the user, so `<keyword>/propertyNames` is a property called "propertyNames".
const PROPERTY_MAPS = new Set([
  'properties',
  'patternProperties',
  'definitions',
  '$defs',
  'dependencies',
  'dependentSchemas'
])

/** A `pattern` directly under the `propertyNames` keyword (not under a property called "propertyNames"). */
function isPropertyNamesPattern({ schemaPath, propertyName }: KeywordContext): boolean {
  if (!schemaPath.endsWith('/propertyNames/pattern')) return false
  // Ajv marks errors raised inside `propertyNames`; hand-made errors get a look at the schema path.
  if (propertyName !== undefined) return true
  const segments = schemaPath.split('/')
  return !PROPERTY_MAPS.has(segments[segments.length - 3])
}

/**
 * `must be a five-digit ZIP code but it was not` with the custom `patternLabel` keyword,
 * `is an invalid string` without. A pattern directly under `propertyNames` is dropped: the
 * `propertyNames` error that follows names the offending key.
 */
export const describePattern: KeywordDescriber = (context) => {
  if (isPropertyNamesPattern(context)) return null
  const label = patternLabel(context.parentSchema)
  return label === undefined ? 'is an invalid string' : `must be ${label} but it was not`
}
