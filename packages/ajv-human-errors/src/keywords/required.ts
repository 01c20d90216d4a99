import type { KeywordDescriber } from './keyword-context'

/** `is missing the required field 'email'` */
export const describeRequired: KeywordDescriber = ({ params }) => {
  const missing = params.missingProperty
  if (typeof missing !== 'string') return undefined
  return `is missing the required field '${missing}'`
}
