import {
  IntegrationError,
  InvalidAuthenticationError,
  PayloadValidationError,
  RetryableError
} from '@action-destinations/core'
import { callVendor, errorForStatus, mapHttpError } from '../map-http-error'

describe('errorForStatus', () => {
  it.each([401, 403])('maps %i to InvalidAuthenticationError', (status) => {
    const error = errorForStatus('Acme', status, 'bad key')
    expect(error).toBeInstanceOf(InvalidAuthenticationError)
    expect(error.message).toBe(`Acme rejected the credentials (HTTP ${status}): bad key`)
  })

  it.each([
    [429, 429],
    [500, 500],
    [503, 503],
    [501, 500],
    [408, 408]
  ])('maps %i to RetryableError with status %i', (status, expected) => {
    const error = errorForStatus('Acme', status) as RetryableError
    expect(error).toBeInstanceOf(RetryableError)
    expect(error.status).toBe(expected)
  })

  it.each([400, 413, 422])('maps %i to PayloadValidationError', (status) => {
    expect(errorForStatus('Acme', status)).toBeInstanceOf(PayloadValidationError)
  })

  it('maps other statuses to IntegrationError with the status code name', () => {
    const error = errorForStatus('Acme', 404) as IntegrationError
    expect(error).toBeInstanceOf(IntegrationError)
    expect(error.status).toBe(404)
    expect(error.code).toBe('NOT_FOUND')
  })

  it('shortens long vendor answers', () => {
    const error = errorForStatus('Acme', 400, 'x'.repeat(1000))
    expect(error.message.length).toBeLessThan(400)
  })
})

describe('mapHttpError / callVendor', () => {
  const httpError = Object.assign(new Error('Unauthorized'), { response: { status: 401, content: '{"error":"no"}' } })

  it('maps thrown HTTP errors using the response body', async () => {
    await expect(callVendor('Acme', Promise.reject(httpError))).rejects.toThrow(
      new InvalidAuthenticationError('Acme rejected the credentials (HTTP 401): {"error":"no"}')
    )
  })

  it('passes other errors through untouched', () => {
    const plain = new TypeError('boom')
    expect(mapHttpError('Acme', plain)).toBe(plain)
  })
})
