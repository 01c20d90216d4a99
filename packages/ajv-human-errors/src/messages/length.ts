import { pluralize } from '../english'
import { isNumber, type KeywordMessage } from './keyword-message'

/** minLength / maxLength. Counts UTF-16 code units (`string.length`), as the reference does. */
const lengthMessage =
  (bound: 'more' | 'fewer'): KeywordMessage =>
  ({ params, data }) => {
    const limit = params.limit
    if (!isNumber(limit)) return undefined
    const expected = `must be ${limit} ${pluralize('character', limit)} or ${bound}`
    if (typeof data !== 'string') return expected
    return `${expected} but it was ${data.length} ${pluralize('character', data.length)}`
  }

export const minLengthMessage = lengthMessage('more')
export const maxLengthMessage = lengthMessage('fewer')
