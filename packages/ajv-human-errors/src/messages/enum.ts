import { describeValue } from '../describe-value'
import { humanizeList } from '../english'
import type { KeywordMessage } from './keyword-message'

export const enumMessage: KeywordMessage = ({ params }) => {
  const allowed = params.allowedValues
  if (!Array.isArray(allowed) || allowed.length === 0) return undefined
  return `must be one of: ${humanizeList(allowed.map(describeValue), 'or')}`
}
