import type { KeywordMessage } from './keyword-message'

export const additionalPropertiesMessage: KeywordMessage = ({ params, parentSchema }) => {
  if (typeof params.additionalProperty !== 'string') return undefined
  const unexpected = `has an unexpected property, ${params.additionalProperty}`
  const properties = parentSchema?.properties
  // Without a `properties` list (only patternProperties, or Ajv not verbose) there is no list
  // to quote; the reference crashes with a TypeError here.
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) return unexpected
  return `${unexpected}, which is not in the list of allowed properties (${Object.keys(properties).join(', ')})`
}
