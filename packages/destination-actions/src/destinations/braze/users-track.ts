import { MultiStatusResponse, PayloadValidationError, getErrorCodeFromHttpStatus } from '@action-destinations/core'
import type { JSONLikeObject, RequestClient } from '@action-destinations/core'
import { callVendor, perRecordFailureBody } from '../../lib/map-http-error'
import { restEndpoint } from './clusters'
import { setConversionFailure } from '../../lib/conversion-failure'
import type { Settings } from './generated-types'

/** The arrays /users/track accepts; each holds at most 75 objects per request. */
export type TrackArray = 'events' | 'purchases' | 'attributes'
export const MAX_OBJECTS_PER_REQUEST = 75
const VENDOR = 'Braze'

/** One error Braze reports for a single object of the request. */
interface BrazeItemError {
  type?: string
  input_array?: string
  index?: number
}

interface BrazeResponse {
  message?: string
  errors?: BrazeItemError[]
}

function post(request: RequestClient, settings: Settings, array: TrackArray, objects: JSONLikeObject[]) {
  return request<BrazeResponse>(`${restEndpoint(settings.cluster)}/users/track`, {
    method: 'post',
    headers: { Authorization: `Bearer ${settings.api_key}` },
    json: { [array]: objects }
  })
}

/** Single event: any per-object error Braze reports in a 2xx answer is surfaced as a failure. */
export async function trackOne(
  request: RequestClient,
  settings: Settings,
  array: TrackArray,
  objects: JSONLikeObject[]
) {
  const response = await callVendor(VENDOR, post(request, settings, array, objects))
  const errors = response.data?.errors ?? []
  if (errors.length > 0) {
    throw new PayloadValidationError(`Braze rejected the ${array}: ${errors.map((e) => e.type).join('; ')}`)
  }
  return response
}

/**
 * A batch: each payload becomes one or more objects; payloads that cannot be converted fail alone,
 * the rest go in one request, and Braze's per-object errors are traced back to the payload they came from.
 */
export async function trackBatch<P>(
  request: RequestClient,
  settings: Settings,
  array: TrackArray,
  payloads: P[],
  toObjects: (payload: P) => JSONLikeObject[]
): Promise<MultiStatusResponse> {
  const result = new MultiStatusResponse()
  const objects: JSONLikeObject[] = []
  const owner: number[] = []
  const sentBy = new Map<number, JSONLikeObject[]>()

  payloads.forEach((payload, index) => {
    try {
      const converted = toObjects(payload)
      sentBy.set(index, converted)
      for (const object of converted) {
        objects.push(object)
        owner.push(index)
      }
    } catch (error) {
      setConversionFailure(result, index, error)
    }
  })
  if (objects.length === 0) return result
  if (objects.length > MAX_OBJECTS_PER_REQUEST) {
    throw new Error(`Braze accepts at most ${MAX_OBJECTS_PER_REQUEST} ${array} per request, got ${objects.length}`)
  }

  let status: number
  let body: BrazeResponse
  try {
    const response = await post(request, settings, array, objects)
    status = response.status
    body = response.data ?? {}
  } catch (error) {
    body = perRecordFailureBody<BrazeResponse>(VENDOR, error, (answer) => Boolean(answer.errors?.length))
    status = 400
  }

  const failures = new Map<number, string[]>()
  for (const itemError of body.errors ?? []) {
    if (itemError.input_array !== undefined && itemError.input_array !== array) continue
    if (typeof itemError.index !== 'number' || owner[itemError.index] === undefined) continue
    const payloadIndex = owner[itemError.index]
    failures.set(payloadIndex, [...(failures.get(payloadIndex) ?? []), itemError.type ?? 'unknown error'])
  }

  for (const [index, sent] of sentBy) {
    const reasons = failures.get(index)
    const sentBody = { [array]: sent } as JSONLikeObject
    if (reasons) {
      result.setErrorResponseAtIndex(index, {
        status: 400,
        errortype: getErrorCodeFromHttpStatus(400),
        errormessage: `Braze rejected this ${array.replace(/s$/, '')}: ${reasons.join('; ')}`,
        sent: sentBody,
        body: body as JSONLikeObject
      })
    } else if (status >= 400) {
      // Braze failed the request but named no object of this payload: report the request's own answer.
      result.setErrorResponseAtIndex(index, {
        status,
        errortype: getErrorCodeFromHttpStatus(status),
        errormessage: body.message ?? `Braze answered HTTP ${status}`,
        sent: sentBody,
        body: body as JSONLikeObject
      })
    } else {
      result.setSuccessResponseAtIndex(index, { status, sent: sentBody, body: body as JSONLikeObject })
    }
  }
  return result
}
