import { isRecord } from '../schema-hints'
import { countOf } from '../text/count-of'
import type { KeywordContext, KeywordDescriber } from './keyword-context'

function describePropertyCount(bound: 'more' | 'fewer', { params, data }: KeywordContext): string | undefined {
  const limit = countOf(params.limit)
  if (limit === undefined) return undefined
  const expected = `must have ${limit} or ${bound} properties`
  return isRecord(data) ? `${expected} but it has ${Object.keys(data).length}` : expected
}

/** `must have 2 or more properties but it has 1` */
export const describeMinProperties: KeywordDescriber = (context) => describePropertyCount('more', context)

/** `must have 1 or fewer properties but it has 2` */
export const describeMaxProperties: KeywordDescriber = (context) => describePropertyCount('fewer', context)
