import { countOf } from '../text/count-of'
import { pluralize } from '../text/pluralize'
import type { KeywordContext, KeywordDescriber } from './keyword-context'

// Counts UTF-16 code units like the reference (Ajv itself counts code points).
function describeLength(bound: 'more' | 'fewer', { params, data }: KeywordContext): string | undefined {
  const limit = countOf(params.limit)
  if (limit === undefined) return undefined
  const expected = `must be ${limit} ${pluralize('character', limit)} or ${bound}`
  if (typeof data !== 'string') return expected
  return `${expected} but it was ${data.length} ${pluralize('character', data.length)}`
}

/** `must be 3 characters or more but it was 2 characters` */
export const describeMinLength: KeywordDescriber = (context) => describeLength('more', context)

/** `must be 2 characters or fewer but it was 4 characters` */
export const describeMaxLength: KeywordDescriber = (context) => describeLength('fewer', context)
