import type { KeywordDescriber } from './keyword-context'

// Formats whose name reads poorly in a sentence; every other name is shown as it is.
const FORMAT_LABELS: ReadonlyMap<string, string> = new Map([
  ['date-time', 'date and time'],
  ['email', 'email address'],
  ['ipv4', 'IPv4 address'],
  ['ipv6', 'IPv6 address'],
  ['uri', 'URI'],
  ['uri-reference', 'URI Reference'],
  ['uri-template', 'URI-template'],
  ['regex', 'regular expression'],
  ['json-pointer', 'JSON Pointer'],
  ['relative-json-pointer', 'relative JSON Pointer']
])

/** `must be a valid email address string but it was not` */
export const describeFormat: KeywordDescriber = ({ params }) => {
  const format = params.format
  if (typeof format !== 'string' || format === '') return undefined
  return `must be a valid ${FORMAT_LABELS.get(format) ?? format} string but it was not`
}
