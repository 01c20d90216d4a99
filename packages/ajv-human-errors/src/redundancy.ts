import type { AjvErrorView } from './ajv-error-view'

/** Keywords whose children are named by property, so `<keyword>/propertyNames` is a property, not the keyword. */
const PROPERTY_MAPS = new Set([
  'properties',
  'patternProperties',
  'definitions',
  '$defs',
  'dependencies',
  'dependentSchemas'
])

/**
 * A `pattern` inside `propertyNames` says nothing the `propertyNames` error after it does not say
 * better ("has an invalid property name ..."), so it is dropped. Ajv marks errors raised inside
 * `propertyNames` with `propertyName`; that tells the keyword apart from a property that happens to
 * be called `propertyNames` (whose errors the reference drops by mistake).
 */
export function isRedundant({ keyword, schemaPath, propertyName }: AjvErrorView): boolean {
  if (keyword !== 'pattern' || !schemaPath.endsWith('/propertyNames/pattern')) return false
  if (propertyName !== undefined) return true
  // Hand-made errors without `propertyName`: judge by the segment before `propertyNames`.
  const segments = schemaPath.split('/')
  return !PROPERTY_MAPS.has(segments[segments.length - 3] ?? '')
}
