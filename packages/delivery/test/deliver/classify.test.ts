import {
  APIError,
  HTTPError,
  IntegrationError,
  InvalidAuthenticationError,
  PayloadValidationError,
  RequestTimeoutError,
  RetryableError,
  SelfTimeoutError
} from '@action-destinations/core'
import { AggregateAjvError } from '@action-destinations/ajv-human-errors'
import { classifyError, classifyNode, DOES_NOT_MATCH } from '../../src/deliver/classify'

function httpError(status: number): HTTPError {
  const response = new Response('nope', { status })
  const request = new Request('https://api.example.com/x')
  return new HTTPError(response, request, {} as never)
}

describe('classifyError', () => {
  it.each([
    ['RetryableError', new RetryableError('later'), 'RETRYABLE_ERROR', 500],
    ['429 RetryableError', new RetryableError('slow down', 429), 'RETRYABLE_ERROR', 429],
    ['HTTPError 503', httpError(503), 'SERVICE_UNAVAILABLE', 503],
    ['HTTPError 408', httpError(408), 'REQUEST_TIMEOUT', 408],
    ['HTTPError 429', httpError(429), 'TOO_MANY_REQUESTS', 429],
    ['SelfTimeoutError', new SelfTimeoutError('took too long'), 'SELF_TIMEOUT', 408],
    ['RequestTimeoutError', new RequestTimeoutError(), 'REQUESTTIMEOUTERROR', 408],
    ['IntegrationError 502', new IntegrationError('bad gateway', 'UPSTREAM', 502), 'UPSTREAM', 502]
  ])('%s is retryable', (_, error, code, status) => {
    expect(classifyError(error)).toEqual({ kind: 'retry', error: { status, code, message: expect.any(String) } })
  })

  it('network errors without a status are retryable with the cause code', () => {
    const error = new TypeError('fetch failed', {
      cause: Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })
    })
    expect(classifyError(error)).toEqual({ kind: 'retry', error: { code: 'ECONNREFUSED', message: 'fetch failed' } })
  })

  it.each([
    ['HTTPError 400', httpError(400), 'BAD_REQUEST', 400],
    ['HTTPError 404', httpError(404), 'NOT_FOUND', 404],
    ['APIError 418', new APIError('teapot', 418), '418', 418],
    ['InvalidAuthenticationError', new InvalidAuthenticationError('bad key'), 'INVALID_AUTHENTICATION', 401],
    ['IntegrationError 400', new IntegrationError('no such list', 'LIST_MISSING', 400), 'LIST_MISSING', 400]
  ])('%s fails with its code', (_, error, code, status) => {
    expect(classifyError(error)).toEqual({
      kind: 'failed',
      validation: false,
      error: { status, code, message: expect.any(String) }
    })
  })

  it('payload validation fails as validation', () => {
    expect(classifyError(new PayloadValidationError('The root value is missing the required field'))).toEqual({
      kind: 'failed',
      validation: true,
      error: { status: 400, code: 'PAYLOAD_VALIDATION_FAILED', message: 'The root value is missing the required field' }
    })
    const ajv = new AggregateAjvError([
      { instancePath: '/url', keyword: 'format', params: {}, message: 'bad', schemaPath: '' }
    ])
    expect(classifyError(ajv)).toMatchObject({
      kind: 'failed',
      validation: true,
      error: { code: 'PAYLOAD_VALIDATION_FAILED' }
    })
  })

  it('IntegrationError.retry overrides the status', () => {
    const notAgain = Object.assign(new IntegrationError('gone', 'GONE_FOREVER', 503), { retry: false })
    expect(classifyError(notAgain).kind).toBe('failed')
    const again = Object.assign(new IntegrationError('try later', 'LATER', 400), { retry: true })
    expect(classifyError(again).kind).toBe('retry')
  })

  it('anything thrown gets a readable message', () => {
    expect(classifyError('plain text')).toEqual({
      kind: 'retry',
      error: { code: 'UNKNOWN_ERROR', message: 'plain text' }
    })
    expect(classifyError(undefined)).toEqual({ kind: 'retry', error: { code: 'UNKNOWN_ERROR', message: 'undefined' } })
  })
})

describe('classifyNode', () => {
  it('reads multistatus nodes', () => {
    expect(classifyNode({ status: 200 })).toEqual({ kind: 'delivered' })
    expect(classifyNode({ status: 500, errortype: 'INTERNAL_SERVER_ERROR', errormessage: 'boom' })).toEqual({
      kind: 'retry',
      error: { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'boom' }
    })
    expect(classifyNode({ status: 400, errortype: 'PAYLOAD_VALIDATION_FAILED', errormessage: 'x' })).toMatchObject({
      kind: 'failed',
      validation: true
    })
    expect(classifyNode({ status: 404, errormessage: 'no' })).toEqual({
      kind: 'failed',
      validation: false,
      error: { status: 404, code: 'NOT_FOUND', message: 'no' }
    })
    expect(classifyNode(undefined).kind).toBe('retry')
    expect(DOES_NOT_MATCH).toBe('Payload is either invalid or does not match the subscription')
  })
})
