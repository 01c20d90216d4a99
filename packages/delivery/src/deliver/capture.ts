// Which HTTP exchange belongs to which delivery call. Core's actions emit every response they
// receive ('response' event, emitted inside the request's async context); an AsyncLocalStorage
// around each onEvent / onBatch call tells concurrent calls apart. Only the last exchange of a call
// is kept: that is the one that decided its outcome.
import { AsyncLocalStorage } from 'async_hooks'
import type { Destination } from '@action-destinations/core'
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

const storage = new AsyncLocalStorage<Capture>()

/** Subscribes once to every action of the destination. */
export function watchResponses(destination: Destination<unknown>): void {
  for (const action of Object.values(destination.actions)) {
    action.on('response', (response: ResponseLike) => {
      const capture = storage.getStore()
      if (capture) capture.response = response
    })
  }
}

/** Runs `call` with a capture of its last HTTP response. */
export function withCapture<T>(capture: Capture, call: () => Promise<T>): Promise<T> {
  return storage.run(capture, call)
}

/** The last response of the call, else the one carried by the error (HTTPError). */
function responseOf(capture: Capture, error: unknown): ResponseLike | undefined {
  if (capture.response) return capture.response
  const response = (error as { response?: unknown } | null | undefined)?.response
  if (response !== null && typeof response === 'object' && typeof (response as ResponseLike).status === 'number') {
    return response as ResponseLike
  }
  return undefined
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
