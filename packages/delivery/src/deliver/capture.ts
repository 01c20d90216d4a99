// Which HTTP exchange belongs to which delivery call. Each action's perform / performBatch is
// wrapped so the request client it is given notes the responses it returns or throws (HTTPError)
// in the capture of the call; the call is found by the events core hands perform as `rawData`,
// which are the objects send() parsed for that call. Only the last exchange of a call is kept: that
// is the one that decided its outcome. (An AsyncLocalStorage did this before: it turned on promise
// hooks for the whole process, ~6% of one-by-one delivery's CPU.)
import type { DestinationDefinition } from '@action-destinations/core'
import type { AttemptRecord } from '../store/types'
import { parseRetryAfter } from './backoff'
import { redactBody, redactHeaders, redactUrl } from './redact'

/** The parts of core's DecoratedResponse (and of request-client errors) read here. */
interface ResponseLike {
  status: number
  headers: Headers
  content?: unknown
  request?: Request
  options?: { body?: unknown }
}

export interface Capture {
  response?: ResponseLike
}

type RequestLike = (url: string, options?: unknown) => Promise<unknown>
type PerformLike = (this: unknown, request: RequestLike, data: { rawData?: unknown } | undefined) => unknown

/** The capture of each event's delivery call; entries go with the events. */
const calls = new WeakMap<object, Capture>()

function isResponseLike(value: unknown): value is ResponseLike {
  return value !== null && typeof value === 'object' && typeof (value as ResponseLike).status === 'number'
}

function captureOf(rawData: unknown): Capture | undefined {
  const first: unknown = Array.isArray(rawData) ? rawData[0] : rawData
  return first !== null && typeof first === 'object' ? calls.get(first) : undefined
}

/** `request` that also keeps each response (or the response of each HTTPError) in `capture`. */
function recording(request: RequestLike, capture: Capture): RequestLike {
  return (url, options) =>
    request(url, options).then(
      (response) => {
        if (isResponseLike(response)) capture.response = response
        return response
      },
      (error: unknown) => {
        const response = (error as { response?: unknown } | null | undefined)?.response
        if (isResponseLike(response)) capture.response = response
        throw error
      }
    )
}

function capturing(perform: PerformLike): PerformLike {
  return function (this: unknown, request, data) {
    const capture = typeof request === 'function' ? captureOf(data?.rawData) : undefined
    return perform.call(this, capture ? recording(request, capture) : request, data)
  }
}

/** The definition with every action's perform and performBatch capturing its exchanges. */
export function withResponseCapture(definition: DestinationDefinition<unknown>): DestinationDefinition<unknown> {
  const actions: Record<string, unknown> = {}
  for (const [key, action] of Object.entries(definition.actions ?? {})) {
    const { perform, performBatch } = action as { perform?: unknown; performBatch?: unknown }
    actions[key] = {
      ...action,
      ...(typeof perform === 'function' ? { perform: capturing(perform as PerformLike) } : {}),
      ...(typeof performBatch === 'function' ? { performBatch: capturing(performBatch as PerformLike) } : {})
    }
  }
  return { ...definition, actions } as DestinationDefinition<unknown>
}

/** Runs `call` (the delivery of `events`, objects of this call only) with a capture of its last HTTP response. */
export function withCapture<T>(capture: Capture, events: readonly object[], call: () => Promise<T>): Promise<T> {
  for (const event of events) if (event !== null && typeof event === 'object') calls.set(event, capture)
  return call()
}

/** The last response of the call, else the one carried by the error (HTTPError). */
function responseOf(capture: Capture, error: unknown): ResponseLike | undefined {
  if (capture.response) return capture.response
  const response = (error as { response?: unknown } | null | undefined)?.response
  return isResponseLike(response) ? response : undefined
}

/** Milliseconds the destination asked to wait (Retry-After), if its last response said so. */
export function retryAfterOf(capture: Capture, error: unknown, now: number): number | undefined {
  const headers = responseOf(capture, error)?.headers
  if (!headers || typeof headers.get !== 'function') return undefined
  return parseRetryAfter(headers.get('retry-after'), now)
}

function headerEntries(headers: unknown): Iterable<[string, string]> | undefined {
  if (headers !== null && typeof headers === 'object' && typeof (headers as Headers).entries === 'function') {
    return (headers as Headers).entries()
  }
  return undefined
}

function textOf(body: unknown): string | undefined {
  if (typeof body === 'string') return body
  if (body instanceof URLSearchParams) return body.toString()
  if (body === undefined || body === null) return undefined
  return `(${typeof body === 'object' ? (body.constructor?.name ?? 'object') : typeof body} body)`
}

/** The request and response of the call for the attempts log, secrets hidden. */
export function exchangeOf(
  capture: Capture,
  error: unknown,
  secrets: readonly string[]
): Pick<AttemptRecord, 'request' | 'response'> {
  const response = responseOf(capture, error)
  const request = response?.request ?? (error as { request?: Request } | null | undefined)?.request
  const requestBody = response?.options?.body ?? (error as { options?: { body?: unknown } } | undefined)?.options?.body
  const out: Pick<AttemptRecord, 'request' | 'response'> = {}
  if (request && typeof request.url === 'string') {
    out.request = {
      method: request.method,
      url: redactUrl(request.url, secrets),
      headers: redactHeaders(headerEntries(request.headers), secrets),
      body: redactBody(textOf(requestBody), secrets)
    }
  }
  if (response) {
    out.response = {
      status: response.status,
      headers: redactHeaders(headerEntries(response.headers), secrets),
      body: redactBody(textOf(response.content), secrets)
    }
  }
  return out
}
