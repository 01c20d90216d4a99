import { isNumber, type KeywordMessage } from './keyword-message'

/** Ajv reports the later duplicate as `i` and the earlier one as `j`. */
export const uniqueItemsMessage: KeywordMessage = ({ params }) =>
  isNumber(params.i) && isNumber(params.j)
    ? `must be unique but elements ${params.j} and ${params.i} are the same`
    : undefined
