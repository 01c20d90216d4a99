import type { KeywordDescriber } from './keyword-context'

function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value)
}

/** `must be unique but elements 0 and 2 are the same` (Ajv's `j` is the earlier element) */
export const describeUniqueItems: KeywordDescriber = ({ params }) => {
  const { i, j } = params
  if (!isIndex(i) || !isIndex(j)) return undefined
  return `must be unique but elements ${j} and ${i} are the same`
}
