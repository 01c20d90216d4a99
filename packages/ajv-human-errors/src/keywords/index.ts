import { describeAdditionalProperties } from './additional-properties'
import { describeDependencies } from './dependencies'
import { describeEnum } from './enum'
import { describeFormat } from './format'
import { describeMaxItems, describeMinItems } from './item-count'
import type { KeywordDescriber } from './keyword-context'
import { describeMultipleOf } from './multiple-of'
import { describeExclusiveMaximum, describeExclusiveMinimum, describeMaximum, describeMinimum } from './number-limit'
import { describePattern } from './pattern'
import { describeMaxProperties, describeMinProperties } from './property-count'
import { describePropertyNames } from './property-names'
import { describeRequired } from './required'
import { describeMaxLength, describeMinLength } from './string-length'
import { describeType } from './type'
import { describeUniqueItems } from './unique-items'

export type { KeywordContext, KeywordDescriber } from './keyword-context'

/**
 * Keywords with a sentence of their own. Any other keyword (const, not, if, anyOf, oneOf,
 * contains, ...) reads as the subject followed by Ajv's own message.
 */
export const KEYWORD_DESCRIBERS: ReadonlyMap<string, KeywordDescriber> = new Map([
  ['type', describeType],
  ['required', describeRequired],
  ['additionalProperties', describeAdditionalProperties],
  ['enum', describeEnum],
  ['format', describeFormat],
  ['pattern', describePattern],
  ['minLength', describeMinLength],
  ['maxLength', describeMaxLength],
  ['minItems', describeMinItems],
  ['maxItems', describeMaxItems],
  ['minProperties', describeMinProperties],
  ['maxProperties', describeMaxProperties],
  ['minimum', describeMinimum],
  ['maximum', describeMaximum],
  ['exclusiveMinimum', describeExclusiveMinimum],
  ['exclusiveMaximum', describeExclusiveMaximum],
  ['multipleOf', describeMultipleOf],
  ['uniqueItems', describeUniqueItems],
  ['dependencies', describeDependencies],
  ['propertyNames', describePropertyNames]
])
