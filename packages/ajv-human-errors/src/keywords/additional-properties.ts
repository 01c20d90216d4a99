import { isRecord, ownValue } from '../schema-hints'
import type { KeywordDescriber } from './keyword-context'

/** `has an unexpected property, x, which is not in the list of allowed properties (a, b)` */
export const describeAdditionalProperties: KeywordDescriber = ({ params, parentSchema }) => {
  const property = params.additionalProperty
  if (typeof property !== 'string') return undefined
  const properties = ownValue(parentSchema, 'properties')
  const patterns = ownValue(parentSchema, 'patternProperties')
  // Without `properties` only patterns are allowed: say so instead of listing nothing.
  if (!isRecord(properties) && isRecord(patterns) && Object.keys(patterns).length > 0) {
    const allowed = Object.keys(patterns).join(', ')
    return `has an unexpected property, ${property}, which does not match any allowed property pattern (${allowed})`
  }
  const allowed = isRecord(properties) ? Object.keys(properties).join(', ') : ''
  return `has an unexpected property, ${property}, which is not in the list of allowed properties (${allowed})`
}
