import { humanizeList, humanizeTypeOf, indefiniteArticle } from '../english'
import type { KeywordMessage } from './keyword-message'

/** Ajv gives one type as a string and several as an array (older versions: a comma-joined string). */
function expectedTypes(type: unknown): string[] {
  if (typeof type === 'string') return type.split(',').filter((name) => name !== '')
  if (Array.isArray(type)) return type.filter((name): name is string => typeof name === 'string' && name !== '')
  return []
}

export const typeMessage: KeywordMessage = ({ params, hasData, data }) => {
  const types = expectedTypes(params.type)
  if (types.length === 0) return undefined
  const expected = `must be ${indefiniteArticle(types[0])} ${humanizeList(types, 'or')}`
  return hasData ? `${expected} but it was ${humanizeTypeOf(data)}` : expected
}
