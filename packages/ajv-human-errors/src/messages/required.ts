import type { KeywordMessage } from './keyword-message'

export const requiredMessage: KeywordMessage = ({ params }) =>
  typeof params.missingProperty === 'string' ? `is missing the required field '${params.missingProperty}'` : undefined
