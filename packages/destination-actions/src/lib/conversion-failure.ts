import type { MultiStatusResponse } from '@action-destinations/core'

/**
 * Records, in a batch's results, that the payload at `index` could not be turned into what the
 * vendor takes: it fails alone, as a payload validation error, and is never sent.
 */
export function setConversionFailure(result: MultiStatusResponse, index: number, error: unknown): void {
  result.setErrorResponseAtIndex(index, {
    status: 400,
    errortype: 'PAYLOAD_VALIDATION_FAILED',
    errormessage: error instanceof Error ? error.message : String(error)
  })
}
