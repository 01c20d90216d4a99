import { isNumber, type KeywordMessage } from './keyword-message'

/** minProperties / maxProperties. */
const propertyCountMessage =
  (bound: 'more' | 'fewer'): KeywordMessage =>
  ({ params, data }) => {
    if (!isNumber(params.limit)) return undefined
    const expected = `must have ${params.limit} or ${bound} properties`
    if (typeof data !== 'object' || data === null) return expected
    return `${expected} but it has ${Object.keys(data).length}`
  }

export const minPropertiesMessage = propertyCountMessage('more')
export const maxPropertiesMessage = propertyCountMessage('fewer')
