import { HttpError } from './http-error'

export interface ErrorAnswer {
  status: number
  body: { error: Record<string, unknown> }
}

// Errors core raises for bad input (mapping, payload, settings) are the caller's fault: 400.
const CLIENT_ERROR_NAMES = new Set([
  'ValidationError',
  'PayloadValidationError',
  'AggregateAjvError',
  'MappingAggregateError'
])

// The request client's TimeoutError, the whole-action RequestTimeoutError (408 in core) and a
// perform deadline (SelfTimeoutError) all mean the partner did not answer in time.
const TIMEOUT_NAMES = new Set(['TimeoutError', 'RequestTimeoutError', 'SelfTimeoutError'])

function numberProp(value: unknown, key: string): number | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const found = (value as Record<string, unknown>)[key]
  return typeof found === 'number' ? found : undefined
}

function stringProp(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const found = (value as Record<string, unknown>)[key]
  return typeof found === 'string' ? found : undefined
}

/** Maps anything thrown while handling a request to a status and `{ error: { message, ... } }`. */
export function toErrorAnswer(error: unknown): ErrorAnswer {
  if (error instanceof HttpError) {
    return { status: error.status, body: { error: { message: error.message, ...error.details } } }
  }
  const message = error instanceof Error ? error.message : String(error)
  const className = error instanceof Error ? error.constructor.name : undefined
  const name = className && CLIENT_ERROR_NAMES.has(className) ? className : (stringProp(error, 'name') ?? 'Error')
  const code = stringProp(error, 'code')
  // HTTPError from the request client carries the partner's response; others carry `status`.
  const responseStatus = numberProp(
    stringProp(error, 'name') === 'HTTPError' ? (error as { response?: unknown }).response : undefined,
    'status'
  )
  // The partner could not be reached (502) or did not answer in time (504): a gateway problem, not ours.
  const timedOut = TIMEOUT_NAMES.has(name) || code === 'ETIMEDOUT'
  const upstream = timedOut ? 504 : name === 'FetchError' ? 502 : undefined
  let status = (timedOut ? 504 : undefined) ?? numberProp(error, 'status') ?? responseStatus ?? upstream ?? 500
  if (CLIENT_ERROR_NAMES.has(name) && (status < 400 || status >= 500)) status = 400
  if (status < 400 || status > 599) status = 500
  return { status, body: { error: { message, name, ...(code ? { code } : {}), status } } }
}
