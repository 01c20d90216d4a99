import { implementation as defaultFetch } from '../../fetch'
import type { FetchImplementation } from '../../fetch'
import { HTTPError } from '../errors/http-error'
import { RequestClientError } from '../errors/request-client-error'
import { TimeoutError } from '../errors/timeout-error'
import type { AllRequestOptions, RequestOptions } from '../types'
import { resolveDefaultTimeout } from '../utils/default-timeout'
import { isResponse } from '../utils/is-response'
import { emptyOptions, mergeOptions } from './merge-options'
import { normalize } from './normalize'
import type { PreparedRequest } from './normalize'
import type { ResolvedOptions } from './resolved-options'

// Hidden knobs used by createRequestClient and tests; not part of the reference surface.
export interface InstanceInternals {
  // Applied to the fetched response and to any response an afterResponse hook returns.
  transformResponse?: (response: Response) => Promise<Response>
  fetch?: FetchImplementation
}

export interface RequestClientInstance {
  <R extends Response = Response>(url: string, options?: RequestOptions): Promise<R>
  extend(newDefaults: AllRequestOptions): RequestClientInstance
}

// Keys that are ours, not fetch's: kept out of the RequestInit handed to fetch.
const OWN_KEYS = new Set([
  'headers',
  'json',
  'method',
  'password',
  'searchParams',
  'throwHttpErrors',
  'timeout',
  'username',
  'skipResponseCloning',
  'agent',
  'beforeRequest',
  'afterResponse',
  'statsContext',
  'signal',
  'body'
])

function buildUrl(url: string, resolved: ResolvedOptions): string {
  if (!resolved.searchParams) return url
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new TypeError(`Invalid URL "${url}": only absolute URLs are supported`)
  }
  // Like the reference (and ky), given search params replace the URL's own query string.
  parsed.search = new URLSearchParams(resolved.searchParams as unknown as string[][]).toString()
  return parsed.toString()
}

// The request's headers when `json` gave the body: the options' headers stay as the caller gave them.
function withJsonType(headers: Headers, fetchImpl: FetchImplementation): Headers {
  const copy = new fetchImpl.Headers(headers)
  copy.set('content-type', 'application/json')
  return copy
}

function buildInit(
  resolved: ResolvedOptions,
  prepared: PreparedRequest,
  signal: AbortSignal | undefined,
  fetchImpl: FetchImplementation
) {
  const init: Record<string, unknown> = {}
  for (const key of Object.keys(resolved)) {
    if (!OWN_KEYS.has(key)) init[key] = (resolved as unknown as Record<string, unknown>)[key]
  }
  init.method = prepared.options.method
  init.headers = prepared.json ? withJsonType(prepared.headers, fetchImpl) : prepared.headers
  if (prepared.body !== undefined) init.body = prepared.body
  if (signal) init.signal = signal
  const agent = resolved.agent ?? fetchImpl.getAgent
  if (agent !== undefined) init.agent = agent
  return init as RequestInit
}

// Options are merged and checked synchronously, so bad options (an invalid header name or value
// among them, as in the reference) throw from request() itself; the rest is asynchronous.
function send(
  url: string,
  base: ResolvedOptions,
  requestOptions: RequestOptions | undefined,
  defaultTimeout: number,
  internals: InstanceInternals
): Promise<Response> {
  const fetchImpl = internals.fetch ?? defaultFetch
  const resolved = mergeOptions(base, requestOptions)
  const prepared = normalize(resolved, fetchImpl, defaultTimeout)
  return execute(url, resolved, prepared, defaultTimeout, internals, fetchImpl)
}

async function execute(
  url: string,
  resolved: ResolvedOptions,
  prepared: PreparedRequest,
  defaultTimeout: number,
  internals: InstanceInternals,
  fetchImpl: FetchImplementation
): Promise<Response> {
  if (typeof url !== 'string') {
    throw new TypeError(`Request URL must be a string, got ${url === null ? 'null' : typeof url}`)
  }
  for (const hook of resolved.beforeRequest) {
    const changes = await hook(prepared.options)
    if (changes && typeof changes === 'object') {
      resolved = mergeOptions(resolved, changes)
      prepared = normalize(resolved, fetchImpl, defaultTimeout)
    }
  }
  const options = prepared.options
  const timeout = options.timeout ?? false
  const userSignal = resolved.signal ?? undefined

  // An AbortController only when something can abort: a timeout or the caller's signal.
  let controller: AbortController | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  let timedOut = false
  const onUserAbort = () => controller?.abort()
  if (timeout !== false || userSignal) {
    if (userSignal?.aborted) throw new RequestClientError()
    controller = new AbortController()
    options.signal = controller.signal
  }

  const request = new fetchImpl.Request(
    buildUrl(url, resolved),
    buildInit(resolved, prepared, controller?.signal, fetchImpl)
  )
  const failure = (error: unknown): unknown => {
    if (timedOut) return new TimeoutError(request, options)
    if (userSignal?.aborted) return new RequestClientError()
    return error
  }

  let response: Response
  try {
    userSignal?.addEventListener('abort', onUserAbort)
    if (timeout !== false) {
      timer = setTimeout(() => {
        timedOut = true
        controller?.abort()
      }, timeout)
    }
    response = await fetchImpl.fetch(request)
    // The timeout also covers reading the body when the response is transformed (buffered).
    if (internals.transformResponse) response = await internals.transformResponse(response)
  } catch (error) {
    throw failure(error)
  } finally {
    if (timer !== undefined) clearTimeout(timer)
    userSignal?.removeEventListener('abort', onUserAbort)
  }

  for (const hook of resolved.afterResponse) {
    const replaced = await hook(request, options, response)
    if (isResponse(replaced)) {
      response = internals.transformResponse ? await internals.transformResponse(replaced) : replaced
    }
  }

  if (options.throwHttpErrors !== false && !(response.status >= 200 && response.status < 300)) {
    throw new HTTPError(response, request, options)
  }
  return response
}

function instanceFrom(
  base: ResolvedOptions,
  defaultTimeout: number,
  internals: InstanceInternals
): RequestClientInstance {
  const client = (<R extends Response = Response>(url: string, options?: RequestOptions): Promise<R> =>
    send(url, base, options, defaultTimeout, internals) as Promise<R>) as RequestClientInstance
  client.extend = (newDefaults: AllRequestOptions) =>
    instanceFrom(mergeOptions(base, newDefaults), defaultTimeout, internals)
  return client
}

// Builds a client from default options once; each call only layers its own options on top.
export default function createInstance(
  defaults: AllRequestOptions = {},
  internals: InstanceInternals = {}
): RequestClientInstance {
  return instanceFrom(mergeOptions(emptyOptions(), defaults), resolveDefaultTimeout(), internals)
}
