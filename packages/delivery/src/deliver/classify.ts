// One attempt's result for one event: delivered, retryable or failed (with its code). Errors come
// from `onEvent` (thrown) and from `onBatch` (a multistatus node per event, or thrown for all).
import { getErrorCodeFromHttpStatus } from '@action-destinations/core'
import type { JobError } from '../store/types'

export type Classified =
  | { kind: 'delivered' }
  | { kind: 'retry'; error: JobError }
  /** `validation`: the mapping or the payload (or the settings) do not fit the action's fields. */
  | { kind: 'failed'; error: JobError; validation: boolean }

/** Statuses worth trying again: timeouts, locks, rate limits and server errors (as core's RetryableError). */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 423 || status === 429 || (status >= 500 && status <= 599)
}

const VALIDATION_CODES: ReadonlySet<string> = new Set(['PAYLOAD_VALIDATION_FAILED'])
/** Error names of mapping and payload validation (core's and the reference's). */
const VALIDATION_NAMES: ReadonlySet<string> = new Set(['AggregateAjvError', 'ValidationError', 'MappingAggregateError'])
/** Codes of errors that mean "later may work" whatever their status says. */
const RETRYABLE_CODES: ReadonlySet<string> = new Set(['RETRYABLE_ERROR', 'ETIMEDOUT', 'REQUESTTIMEOUTERROR'])
const MAX_MESSAGE_LENGTH = 1000

interface ErrorLike {
  name?: unknown
  message?: unknown
  status?: unknown
  code?: unknown
  retry?: unknown
  response?: { status?: unknown }
  cause?: { code?: unknown }
}

function statusOf(err: ErrorLike): number | undefined {
  if (typeof err.status === 'number' && Number.isInteger(err.status)) return err.status
  const status = err.response?.status
  return typeof status === 'number' && Number.isInteger(status) ? status : undefined
}

function messageOf(error: unknown): string {
  const message =
    error !== null && typeof error === 'object' && typeof (error as ErrorLike).message === 'string'
      ? ((error as ErrorLike).message as string)
      : String(error)
  return message.length > MAX_MESSAGE_LENGTH ? `${message.slice(0, MAX_MESSAGE_LENGTH)}…` : message
}

/** A thrown error (or anything thrown) → its outcome. */
export function classifyError(error: unknown): Classified {
  const err = (error !== null && typeof error === 'object' ? error : {}) as ErrorLike
  const status = statusOf(err)
  const ownCode = typeof err.code === 'string' && err.code !== '' ? err.code : undefined
  const name = typeof err.name === 'string' ? err.name : ''
  const message = messageOf(error)

  if (VALIDATION_NAMES.has(name) || (ownCode !== undefined && VALIDATION_CODES.has(ownCode))) {
    const jobError: JobError = { status: status ?? 400, code: 'PAYLOAD_VALIDATION_FAILED', message }
    return { kind: 'failed', error: jobError, validation: true }
  }
  if (status === undefined) {
    // No HTTP status: a network error (ECONNREFUSED, ECONNRESET, fetch failed…), a timeout, or a
    // defect in the destination's code. Like core's errorNode, treated as a retryable 500.
    const causeCode = typeof err.cause?.code === 'string' ? err.cause.code : undefined
    const code = ownCode ?? causeCode ?? 'UNKNOWN_ERROR'
    if (err.retry === false) return { kind: 'failed', error: { code, message }, validation: false }
    return { kind: 'retry', error: { code, message } }
  }
  const code = ownCode ?? getErrorCodeFromHttpStatus(status)
  const jobError: JobError = { status, code, message }
  // IntegrationError.retry, when set, overrides the status.
  if (err.retry === true) return { kind: 'retry', error: jobError }
  if (err.retry === false) return { kind: 'failed', error: jobError, validation: false }
  if (isRetryableStatus(status) || (ownCode !== undefined && RETRYABLE_CODES.has(ownCode))) {
    return { kind: 'retry', error: jobError }
  }
  if (status >= 200 && status < 300) return { kind: 'delivered' }
  return { kind: 'failed', error: jobError, validation: false }
}

/** The multistatus node `onBatch` gives each event (see core's ResultMultiStatusNode). */
export interface MultiStatusNodeLike {
  status?: unknown
  errortype?: unknown
  errormessage?: unknown
}

/** The node core gives an event the subscription's conditions no longer match. */
export const DOES_NOT_MATCH = 'Payload is either invalid or does not match the subscription'

export function classifyNode(node: MultiStatusNodeLike | undefined): Classified {
  if (node === undefined || node === null || typeof node !== 'object') {
    return { kind: 'retry', error: { status: 500, code: 'UNKNOWN_ERROR', message: 'No result for this event' } }
  }
  const status = typeof node.status === 'number' ? node.status : 500
  if (status >= 200 && status < 300) return { kind: 'delivered' }
  const code =
    typeof node.errortype === 'string' && node.errortype !== '' ? node.errortype : getErrorCodeFromHttpStatus(status)
  const message = typeof node.errormessage === 'string' ? node.errormessage : `HTTP ${status}`
  const jobError: JobError = { status, code, message }
  if (VALIDATION_CODES.has(code) && !isRetryableStatus(status))
    return { kind: 'failed', error: jobError, validation: true }
  if (isRetryableStatus(status) || RETRYABLE_CODES.has(code)) return { kind: 'retry', error: jobError }
  return { kind: 'failed', error: jobError, validation: false }
}
