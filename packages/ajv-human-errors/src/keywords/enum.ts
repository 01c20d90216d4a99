import { humanizeList } from '../text/humanize-list'
import { stringifyValue } from '../text/stringify-value'
import type { KeywordDescriber } from './keyword-context'

/** `must be one of: "a", "b", or "c"` */
export const describeEnum: KeywordDescriber = ({ params }) => {
  const allowed = params.allowedValues
  if (!Array.isArray(allowed)) return undefined
  return `must be one of: ${humanizeList(allowed.map(stringifyValue))}`
}
