import type { FetchImplementation } from '../../fetch'
import type { NormalizedOptions } from '../types'
import { basicAuthorization } from '../utils/basic-auth'
import type { SearchParamEntries } from '../utils/merge-search-params'
import { setOwn } from '../utils/set-own'
import type { ResolvedOptions } from './resolved-options'

// What one request sends: the options hooks see, plus the body and headers as fetch wants them.
// `headers` are the options' headers (what `response.options.headers` shows, as in the reference);
// the request adds `content-type: application/json` when `json` gave the body.
export interface PreparedRequest {
  options: NormalizedOptions
  headers: Headers
  body: RequestInit['body'] | undefined
  json: boolean
}

const NO_BODY_METHODS = new Set(['GET', 'HEAD'])

function serializeJson(json: unknown): string {
  try {
    return JSON.stringify(json)
  } catch (error) {
    throw new TypeError(`Request option "json" cannot be serialized: ${(error as Error).message}`)
  }
}

// Hooks see search params as a plain object like in the reference, or as URLSearchParams when a name repeats.
function searchParamsView(entries: SearchParamEntries | undefined): NormalizedOptions['searchParams'] {
  if (!entries) return undefined
  const record: Record<string, string> = {}
  for (const [name, value] of entries) {
    if (Object.prototype.hasOwnProperty.call(record, name)) return new URLSearchParams(entries as unknown as string[][])
    setOwn(record, name, value)
  }
  return record
}

// Builds the per-request view: upper-case method, json -> body with a JSON content type, basic auth.
export function normalize(
  resolved: ResolvedOptions,
  fetchImpl: FetchImplementation,
  timeout: number | false
): PreparedRequest {
  const record = resolved.headers
  let body = resolved.body ?? undefined
  const json = resolved.json !== undefined
  if (json) body = serializeJson(resolved.json)
  // Invalid header names or values throw here, synchronously from request(), as in the reference.
  const headers = new fetchImpl.Headers(record)
  // Credentials given as options win over an Authorization header, as in the reference.
  if (resolved.username !== undefined || resolved.password !== undefined) {
    headers.set('authorization', basicAuthorization(resolved.username, resolved.password))
  }

  const method = (resolved.method ?? 'GET').toUpperCase() as NormalizedOptions['method']
  if (body !== undefined && NO_BODY_METHODS.has(method)) {
    throw new TypeError('Request with GET/HEAD method cannot have body')
  }
  const options: NormalizedOptions = {
    ...resolved,
    searchParams: searchParamsView(resolved.searchParams),
    headers,
    method,
    throwHttpErrors: resolved.throwHttpErrors ?? true,
    timeout: resolved.timeout ?? timeout
  }
  if (body !== undefined) options.body = body
  return { options, headers, body, json }
}
