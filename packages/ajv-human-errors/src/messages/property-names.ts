import { describeValue } from '../describe-value'
import type { KeywordMessage } from './keyword-message'

export const propertyNamesMessage: KeywordMessage = ({ params }) =>
  typeof params.propertyName === 'string'
    ? `has an invalid property name ${describeValue(params.propertyName)}`
    : undefined
