import type { KeywordMessage } from './keyword-message'

/** The array form of `dependencies`; the schema form reports the inner keywords' errors instead. */
export const dependenciesMessage: KeywordMessage = ({ params }) =>
  typeof params.property === 'string' && typeof params.missingProperty === 'string'
    ? `must have property ${params.missingProperty} when ${params.property} is present`
    : undefined
