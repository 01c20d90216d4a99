import { isNumber, type KeywordMessage } from './keyword-message'

/** minItems / maxItems. */
const itemCountMessage =
  (bound: 'more' | 'fewer'): KeywordMessage =>
  ({ params, data }) => {
    if (!isNumber(params.limit)) return undefined
    const expected = `must have ${params.limit} or ${bound} items`
    return Array.isArray(data) ? `${expected} but it has ${data.length}` : expected
  }

export const minItemsMessage = itemCountMessage('more')
export const maxItemsMessage = itemCountMessage('fewer')
