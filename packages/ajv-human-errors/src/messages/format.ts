import type { KeywordMessage } from './keyword-message'

/** Readable names for the formats of ajv-formats; other formats are named as written. */
const FORMAT_LABELS: Readonly<Record<string, string>> = {
  'date-time': 'date and time',
  email: 'email address',
  ipv4: 'IPv4 address',
  ipv6: 'IPv6 address',
  uri: 'URI',
  'uri-reference': 'URI Reference',
  'uri-template': 'URI-template',
  'json-pointer': 'JSON Pointer',
  'relative-json-pointer': 'relative JSON Pointer',
  regex: 'regular expression'
}

// Own keys only: a format called `constructor` must not reach Object.prototype.
const formatLabel = (format: string): string =>
  Object.prototype.hasOwnProperty.call(FORMAT_LABELS, format) ? FORMAT_LABELS[format] : format

export const formatMessage: KeywordMessage = ({ params }) =>
  typeof params.format === 'string' && params.format !== ''
    ? `must be a valid ${formatLabel(params.format)} string but it was not`
    : undefined
