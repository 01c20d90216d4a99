import type { KeywordDescriber } from './keyword-context'

/** `has an invalid property name "long_name"` */
export const describePropertyNames: KeywordDescriber = ({ params }) => {
  const name = params.propertyName
  if (typeof name !== 'string') return undefined
  return `has an invalid property name ${JSON.stringify(name)}`
}
