import { countOf } from '../text/count-of'
import type { KeywordContext, KeywordDescriber } from './keyword-context'

function describeItemCount(bound: 'more' | 'fewer', { params, data }: KeywordContext): string | undefined {
  const limit = countOf(params.limit)
  if (limit === undefined) return undefined
  const expected = `must have ${limit} or ${bound} items`
  return Array.isArray(data) ? `${expected} but it has ${data.length}` : expected
}

/** `must have 2 or more items but it has 1` */
export const describeMinItems: KeywordDescriber = (context) => describeItemCount('more', context)

/** `must have 1 or fewer items but it has 3` */
export const describeMaxItems: KeywordDescriber = (context) => describeItemCount('fewer', context)
