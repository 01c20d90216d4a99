import type { KeywordDescriber } from './keyword-context'

function numberLimit(relation: string): KeywordDescriber {
  return ({ params }) => {
    const limit = params.limit
    if (typeof limit !== 'number' && typeof limit !== 'bigint') return undefined
    return `must be ${relation} ${String(limit)}`
  }
}

/** `must be equal to or greater than 0` */
export const describeMinimum = numberLimit('equal to or greater than')
/** `must be equal to or less than 99` */
export const describeMaximum = numberLimit('equal to or less than')
/** `must be greater than 0` */
export const describeExclusiveMinimum = numberLimit('greater than')
/** `must be less than 100` */
export const describeExclusiveMaximum = numberLimit('less than')
