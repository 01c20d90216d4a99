import { additionalPropertiesMessage } from './additional-properties'
import { dependenciesMessage } from './dependencies'
import { enumMessage } from './enum'
import { formatMessage } from './format'
import { maxItemsMessage, minItemsMessage } from './item-count'
import type { KeywordMessage } from './keyword-message'
import { maxLengthMessage, minLengthMessage } from './length'
import { multipleOfMessage } from './multiple-of'
import { exclusiveMaximumMessage, exclusiveMinimumMessage, maximumMessage, minimumMessage } from './number-limit'
import { patternMessage } from './pattern'
import { maxPropertiesMessage, minPropertiesMessage } from './property-count'
import { propertyNamesMessage } from './property-names'
import { requiredMessage } from './required'
import { typeMessage } from './type'
import { uniqueItemsMessage } from './unique-items'

export type { KeywordMessage } from './keyword-message'

/**
 * Keywords with a sentence of their own. The others (const, not, if, anyOf, oneOf, contains,
 * dependentRequired, additionalItems, unevaluated*, discriminator, custom keywords, ...) use Ajv's text.
 */
export const KEYWORD_MESSAGES: ReadonlyMap<string, KeywordMessage> = new Map<string, KeywordMessage>([
  ['type', typeMessage],
  ['required', requiredMessage],
  ['additionalProperties', additionalPropertiesMessage],
  ['enum', enumMessage],
  ['format', formatMessage],
  ['pattern', patternMessage],
  ['minLength', minLengthMessage],
  ['maxLength', maxLengthMessage],
  ['minItems', minItemsMessage],
  ['maxItems', maxItemsMessage],
  ['minProperties', minPropertiesMessage],
  ['maxProperties', maxPropertiesMessage],
  ['minimum', minimumMessage],
  ['maximum', maximumMessage],
  ['exclusiveMinimum', exclusiveMinimumMessage],
  ['exclusiveMaximum', exclusiveMaximumMessage],
  ['multipleOf', multipleOfMessage],
  ['uniqueItems', uniqueItemsMessage],
  ['dependencies', dependenciesMessage],
  ['propertyNames', propertyNamesMessage]
])
