import type { ErrorCodes } from './error-codes'
import { STATUS_CODES } from './status-codes'

// Unknown, non-integer or non-numeric statuses map to UNKNOWN_ERROR rather than throwing.
export function getErrorCodeFromHttpStatus(status: number): keyof typeof ErrorCodes {
  if (typeof status !== 'number' && typeof status !== 'string') return 'UNKNOWN_ERROR'
  return STATUS_CODES[String(status)] ?? 'UNKNOWN_ERROR'
}
