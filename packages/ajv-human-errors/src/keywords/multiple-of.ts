import type { KeywordDescriber } from './keyword-context'

/** `must be a multiple of 5` */
export const describeMultipleOf: KeywordDescriber = ({ params }) => {
  const factor = params.multipleOf
  if (typeof factor !== 'number' && typeof factor !== 'bigint') return undefined
  return `must be a multiple of ${String(factor)}`
}
