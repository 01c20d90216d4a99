import {
  APIError,
  CustomErrorCodes,
  ErrorCodes,
  HttpErrorCodes,
  IntegrationError,
  InvalidAudienceMembershipError,
  InvalidAuthenticationError,
  MultiStatusErrorReporter,
  PayloadValidationError,
  RetryableError,
  SelfTimeoutError,
  getErrorCodeFromHttpStatus
} from '../../src/errors'

// Expected values recorded by constructing @segment/actions-core 3.170.0's classes.
function describeError(e: Error & { code?: unknown; status?: unknown; retry?: unknown }) {
  return { name: e.name, message: e.message, code: e.code, status: e.status, retry: e.retry, text: String(e) }
}

describe('error classes', () => {
  const cases: Array<[string, () => Error, Record<string, unknown>]> = [
    [
      'IntegrationError',
      () => new IntegrationError('m', 'C', 400),
      { name: 'IntegrationError', message: 'm', code: 'C', status: 400, text: 'IntegrationError: m' }
    ],
    [
      'RetryableError default',
      () => new RetryableError('x'),
      { name: 'RetryableError', message: 'x', code: 'RETRYABLE_ERROR', status: 500, text: 'RetryableError: x' }
    ],
    [
      'RetryableError no message',
      () => new RetryableError(),
      { name: 'RetryableError', message: '', code: 'RETRYABLE_ERROR', status: 500, text: 'RetryableError' }
    ],
    [
      'RetryableError 429',
      () => new RetryableError('x', 429),
      { name: 'RetryableError', message: 'x', code: 'RETRYABLE_ERROR', status: 429, text: 'RetryableError: x' }
    ],
    [
      'InvalidAuthenticationError',
      () => new InvalidAuthenticationError('x'),
      {
        name: 'InvalidAuthenticationError',
        message: 'x',
        code: 'INVALID_AUTHENTICATION',
        status: 401,
        text: 'InvalidAuthenticationError: x'
      }
    ],
    [
      'InvalidAuthenticationError with code',
      () => new InvalidAuthenticationError('x', CustomErrorCodes.REFRESH_TOKEN_EXPIRED),
      {
        name: 'InvalidAuthenticationError',
        message: 'x',
        code: 'REFRESH_TOKEN_EXPIRED',
        status: 401,
        text: 'InvalidAuthenticationError: x'
      }
    ],
    [
      'PayloadValidationError',
      () => new PayloadValidationError('x'),
      {
        name: 'PayloadValidationError',
        message: 'x',
        code: 'PAYLOAD_VALIDATION_FAILED',
        status: 400,
        text: 'PayloadValidationError: x'
      }
    ],
    [
      'InvalidAudienceMembershipError',
      () => new InvalidAudienceMembershipError('x'),
      {
        name: 'InvalidAudienceMembershipError',
        message: 'x',
        code: 'INVALID_AUDIENCE_MEMBERSHIP',
        status: 400,
        text: 'InvalidAudienceMembershipError: x'
      }
    ],
    [
      'APIError',
      () => new APIError('x', 418),
      { name: 'APIError', message: 'x', code: '418', status: 418, text: 'APIError: x' }
    ],
    [
      'SelfTimeoutError',
      () => new SelfTimeoutError('x'),
      { name: 'SelfTimeoutError', message: 'x', code: 'SELF_TIMEOUT', status: 408, text: 'SelfTimeoutError: x' }
    ]
  ]

  it.each(cases)('%s', (_label, make, expected) => {
    const e = make()
    expect(describeError(e)).toEqual({ retry: undefined, ...expected })
    expect(e).toBeInstanceOf(Error)
    expect(Object.prototype.toString.call(e)).toBe('[object Error]')
    expect(Object.keys(e)).not.toContain('name')
    expect(e.stack?.startsWith(e.name)).toBe(true)
  })

  it('IntegrationError without code or status leaves them undefined', () => {
    const e = new (IntegrationError as unknown as new (m: string) => IntegrationError)('m')
    expect(e.code).toBeUndefined()
    expect(e.status).toBeUndefined()
  })

  it('keeps the reference instanceof chains', () => {
    for (const e of [
      new PayloadValidationError('x'),
      new InvalidAudienceMembershipError('x'),
      new APIError('x', 400),
      new SelfTimeoutError('x')
    ]) {
      expect(e).toBeInstanceOf(IntegrationError)
    }
    expect(new RetryableError('x')).not.toBeInstanceOf(IntegrationError)
    expect(new InvalidAuthenticationError('x')).not.toBeInstanceOf(IntegrationError)
  })

  it('names subclasses after themselves', () => {
    class MyError extends IntegrationError {}
    expect(new MyError('m', 'C', 500).name).toBe('MyError')
  })
})

describe('codes', () => {
  it('ErrorCodes holds HTTP names then custom codes, each mapping to itself', () => {
    const keys = Object.keys(ErrorCodes)
    expect(keys).toHaveLength(78)
    expect(keys[0]).toBe('CONTINUE')
    expect(keys[keys.length - 1]).toBe('UNKNOWN_ERROR')
    for (const k of keys) expect((ErrorCodes as Record<string, string>)[k]).toBe(k)
    expect(HttpErrorCodes.MOVED_PERMENANTLY).toBe('MOVED_PERMENANTLY')
    expect(CustomErrorCodes.RETRYABLE_ERROR).toBe('RETRYABLE_ERROR')
    expect(MultiStatusErrorReporter).toEqual({ INTEGRATIONS: 'INTEGRATIONS', DESTINATION: 'DESTINATION' })
  })

  it.each([
    [100, 'CONTINUE'],
    [200, 'OK'],
    [226, 'IM_USED'],
    [301, 'MOVED_PERMENANTLY'],
    [306, 'SWITCH_PROXY'],
    [400, 'BAD_REQUEST'],
    [401, 'UNAUTHORIZED'],
    [418, 'IM_A_TEAPOT'],
    [422, 'UNPROCESSABLE_ENTITY'],
    [425, 'TOO_EARLY'],
    [429, 'TOO_MANY_REQUESTS'],
    [499, 'CANCELLED'],
    [500, 'INTERNAL_SERVER_ERROR'],
    [509, 'BANDWIDTH_LIMIT_EXCEEDED'],
    [529, 'SITE_IS_OVERLOADED'],
    [598, 'UNKNOWN_ERROR'],
    [0, 'UNKNOWN_ERROR'],
    [-1, 'UNKNOWN_ERROR'],
    [404.5, 'UNKNOWN_ERROR'],
    [NaN, 'UNKNOWN_ERROR']
  ])('getErrorCodeFromHttpStatus(%p) = %s', (status, code) => {
    expect(getErrorCodeFromHttpStatus(status)).toBe(code)
  })

  it('getErrorCodeFromHttpStatus tolerates bad input', () => {
    const lookup = getErrorCodeFromHttpStatus as (s: unknown) => string
    expect(lookup('404')).toBe('NOT_FOUND')
    expect(lookup(' 404')).toBe('UNKNOWN_ERROR')
    expect(lookup(undefined)).toBe('UNKNOWN_ERROR')
    expect(lookup(null)).toBe('UNKNOWN_ERROR')
    expect(lookup({})).toBe('UNKNOWN_ERROR')
    expect(lookup('constructor')).toBe('UNKNOWN_ERROR')
    expect(lookup('__proto__')).toBe('UNKNOWN_ERROR')
  })
})
