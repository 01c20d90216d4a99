import {
  IntegrationError,
  InvalidAuthenticationError,
  PayloadValidationError,
  RetryableError,
  getErrorCodeFromHttpStatus
} from '@action-destinations/core'

// Statuses RetryableError accepts; any other 5xx is reported as 500 so it is still retried.
type RetryableStatus = 408 | 423 | 429 | 500 | 502 | 503 | 504 | 505 | 506 | 507 | 508 | 509 | 510 | 511 | 598 | 599
const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([
  408, 423, 429, 500, 502, 503, 504, 505, 506, 507, 508, 509, 510, 511, 598, 599
])

/** Longest vendor answer quoted in an error message, so huge HTML error pages stay readable. */
const MAX_DETAIL_LENGTH = 300

/**
 * The one place where a vendor's HTTP status becomes a framework error:
 * 401/403 → InvalidAuthenticationError, 408/429/5xx → RetryableError,
 * 400/413/422 → PayloadValidationError, anything else → IntegrationError with the status's code.
 */
export function errorForStatus(vendor: string, status: number, detail?: string): Error {
  const suffix = detail ? `: ${truncate(detail)}` : ''
  if (status === 401 || status === 403) {
    return new InvalidAuthenticationError(`${vendor} rejected the credentials (HTTP ${status})${suffix}`)
  }
  if (status === 408 || status === 429 || status >= 500) {
    const retryStatus = (RETRYABLE_STATUSES.has(status) ? status : 500) as RetryableStatus
    return new RetryableError(`${vendor} is unavailable or rate limiting (HTTP ${status})${suffix}`, retryStatus)
  }
  if (status === 400 || status === 413 || status === 422) {
    return new PayloadValidationError(`${vendor} rejected the payload (HTTP ${status})${suffix}`)
  }
  return new IntegrationError(`${vendor} answered HTTP ${status}${suffix}`, getErrorCodeFromHttpStatus(status), status)
}

/** Shape of the request client's HTTPError that matters here (duck-typed: any client error with a response). */
interface HttpErrorLike {
  response: { status: number; content?: unknown; statusText?: string }
}

export function isHttpErrorLike(error: unknown): error is HttpErrorLike {
  if (typeof error !== 'object' || error === null || !('response' in error)) return false
  const response = (error as { response: unknown }).response
  return (
    typeof response === 'object' && response !== null && typeof (response as { status?: unknown }).status === 'number'
  )
}

/** Turns a thrown HTTPError into the mapped framework error; other errors pass through untouched. */
export function mapHttpError(vendor: string, error: unknown): Error {
  if (!isHttpErrorLike(error)) return error instanceof Error ? error : new Error(String(error))
  const { status, content, statusText } = error.response
  const detail = typeof content === 'string' && content.length > 0 ? content : statusText
  return errorForStatus(vendor, status, detail)
}

/** Awaits a vendor call and rethrows its HTTP failure as the mapped framework error. */
export async function callVendor<T>(vendor: string, call: Promise<T>): Promise<T> {
  try {
    return await call
  } catch (error) {
    throw mapHttpError(vendor, error)
  }
}

function truncate(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > MAX_DETAIL_LENGTH ? `${flat.slice(0, MAX_DETAIL_LENGTH)}…` : flat
}

/** The JSON body of a thrown HTTPError's response (parsed data, or the raw text parsed here). */
function errorResponseBody<T extends object>(error: unknown): T | undefined {
  if (!isHttpErrorLike(error)) return undefined
  const response = error.response as { data?: unknown; content?: unknown }
  if (response.data && typeof response.data === 'object') return response.data as T
  if (typeof response.content === 'string') {
    try {
      const parsed: unknown = JSON.parse(response.content)
      return parsed !== null && typeof parsed === 'object' ? (parsed as T) : undefined
    } catch {
      return undefined
    }
  }
  return undefined
}

/**
 * For a batch request that failed: the body of a 400 in which the vendor names the records that
 * failed (`listsRecords` says whether it does), to be split into per-event results. Any other
 * failure (auth, rate limit, outage, a 400 naming nothing) is thrown as the mapped error and
 * fails the whole batch.
 */
export function perRecordFailureBody<T extends object>(
  vendor: string,
  error: unknown,
  listsRecords: (body: T) => boolean
): T {
  const body = errorResponseBody<T>(error)
  if (isHttpErrorLike(error) && error.response.status === 400 && body && listsRecords(body)) return body
  throw mapHttpError(vendor, error)
}
