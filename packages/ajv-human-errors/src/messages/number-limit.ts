import { isNumber, type KeywordMessage } from './keyword-message'

/** minimum / maximum / exclusiveMinimum / exclusiveMaximum. */
const limitMessage =
  (relation: string): KeywordMessage =>
  ({ params }) =>
    isNumber(params.limit) ? `must be ${relation} ${params.limit}` : undefined

export const minimumMessage = limitMessage('equal to or greater than')
export const maximumMessage = limitMessage('equal to or less than')
export const exclusiveMinimumMessage = limitMessage('greater than')
export const exclusiveMaximumMessage = limitMessage('less than')
