import { humanizeList } from '../text/humanize-list'
import { humanizeTypeOf } from '../text/humanize-type-of'
import { indefiniteArticle } from '../text/indefinite-article'
import type { KeywordDescriber } from './keyword-context'

function expectedTypes(type: unknown): string[] | undefined {
  if (Array.isArray(type)) return type.map(String)
  // Some Ajv modes report a union as one comma-separated string.
  if (typeof type === 'string') return type.split(',')
  return undefined
}

/** `must be a string or number but it was a boolean` */
export const describeType: KeywordDescriber = ({ params, data, hasData }) => {
  const types = expectedTypes(params.type)
  if (types === undefined) return undefined
  const expected = humanizeList(types)
  const actual = hasData ? ` but it was ${humanizeTypeOf(data)}` : ''
  return `must be ${indefiniteArticle(expected)} ${expected}${actual}`
}
