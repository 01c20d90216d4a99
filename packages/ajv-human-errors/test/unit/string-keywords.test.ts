import { messagesFor } from '../humanize'

describe('string keywords', () => {
  it('minLength and maxLength pluralize both counts', () => {
    expect(messagesFor({ minLength: 3 }, 'ab')).toEqual([
      'The root value must be 3 characters or more but it was 2 characters.'
    ])
    expect(messagesFor({ minLength: 2 }, 'a')).toEqual([
      'The root value must be 2 characters or more but it was 1 character.'
    ])
    expect(messagesFor({ maxLength: 1 }, 'ab')).toEqual([
      'The root value must be 1 character or fewer but it was 2 characters.'
    ])
    expect(messagesFor({ minLength: 1 }, '')).toEqual([
      'The root value must be 1 character or more but it was 0 characters.'
    ])
  })

  it('counts UTF-16 code units like the reference', () => {
    expect(messagesFor({ minLength: 3 }, '😀😀')).toEqual([
      'The root value must be 3 characters or more but it was 4 characters.'
    ])
  })

  it('pattern without and with patternLabel', () => {
    expect(messagesFor({ pattern: '^a' }, 'b')).toEqual(['The root value is an invalid string.'])
    expect(messagesFor({ pattern: '^\\d{5}$', patternLabel: 'a five-digit ZIP code' }, 'abc')).toEqual([
      'The root value must be a five-digit ZIP code but it was not.'
    ])
  })

  it.each([
    ['email', 'email address'],
    ['date', 'date'],
    ['time', 'time'],
    ['date-time', 'date and time'],
    ['uri', 'URI'],
    ['uri-reference', 'URI Reference'],
    ['uri-template', 'URI-template'],
    ['url', 'url'],
    ['ipv4', 'IPv4 address'],
    ['ipv6', 'IPv6 address'],
    ['regex', 'regular expression'],
    ['json-pointer', 'JSON Pointer'],
    ['relative-json-pointer', 'relative JSON Pointer'],
    ['uuid', 'uuid'],
    ['hostname', 'hostname'],
    ['duration', 'duration']
  ])('format %s reads "%s"', (format, label) => {
    expect(messagesFor({ type: 'string', format }, '\\\\ (not valid')).toEqual([
      `The root value must be a valid ${label} string but it was not.`
    ])
  })
})
