import { isRecord, ownValue } from '../schema-hints'
import type { KeywordDescriber } from './keyword-context'

/** `has an unexpected property, x, which is not in the list of allowed properties (a, b)` */
export const describeAdditionalProperties: KeywordDescriber = ({ params, parentSchema }) => {
  const property = params.additionalProperty
  if (typeof property !== 'string') return undefined
  const properties = ownValue(parentSchema, 'properties')
  // Without a `properties` list (the reference throws a TypeError here) there is nothing to list.
  if (!isRecord(properties)) return `has an unexpected property, ${property}`
  const allowed = Object.keys(properties).join(', ')
  return `has an unexpected property, ${property}, which is not in the list of allowed properties (${allowed})`
}
