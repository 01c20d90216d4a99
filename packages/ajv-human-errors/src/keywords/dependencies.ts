import type { KeywordDescriber } from './keyword-context'

/** `must have property billing when card is present` */
export const describeDependencies: KeywordDescriber = ({ params }) => {
  const { property, missingProperty } = params
  if (typeof property !== 'string' || typeof missingProperty !== 'string') return undefined
  return `must have property ${missingProperty} when ${property} is present`
}
