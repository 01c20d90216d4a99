import type { KeywordMessage } from './keyword-message'

/** A schema may describe its pattern in words with the custom `patternLabel` keyword. */
export const patternMessage: KeywordMessage = ({ parentSchema }) => {
  const label = parentSchema?.patternLabel
  return typeof label === 'string' && label.trim() !== '' ? `must be ${label} but it was not` : 'is an invalid string'
}
