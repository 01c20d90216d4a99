import { isNumber, type KeywordMessage } from './keyword-message'

export const multipleOfMessage: KeywordMessage = ({ params }) =>
  isNumber(params.multipleOf) ? `must be a multiple of ${params.multipleOf}` : undefined
