import { PayloadValidationError } from '@action-destinations/core'
import type { RequestOptions } from '@action-destinations/core'
import { signBody } from '../sign-body'

type Method = 'POST' | 'PUT' | 'PATCH'
const METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH'])

/** Header names the sender owns: a mapped value must not override the body's type or its signature. */
const RESERVED_HEADERS: ReadonlySet<string> = new Set(['content-type', 'content-length', 'x-signature'])

export function checkUrl(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new PayloadValidationError(`Webhook field "url": "${url}" is not a valid URL`)
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new PayloadValidationError(`Webhook field "url": "${url}" must use http or https, not ${parsed.protocol}`)
  }
  return parsed.toString()
}

export function checkMethod(method: string): Method {
  const upper = method.toUpperCase()
  if (!METHODS.has(upper)) {
    throw new PayloadValidationError(`Webhook field "method": "${method}" is not one of POST, PUT, PATCH`)
  }
  return upper as Method
}

/** Mapped headers become strings; non-scalar values are rejected rather than sent as "[object Object]". */
export function buildHeaders(headers: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined || value === null) continue
    if (typeof value === 'object') {
      throw new PayloadValidationError(`Webhook field "headers.${name}": a header value must be a string or number`)
    }
    if (RESERVED_HEADERS.has(name.toLowerCase())) continue
    out[name] = String(value)
  }
  return out
}

/** The request for one body: JSON text signed with the shared secret when one is set. */
export function buildRequest(
  method: string,
  headers: Record<string, unknown> | undefined,
  data: unknown,
  sharedSecret: string | undefined
): RequestOptions {
  const body = JSON.stringify(data ?? {})
  const allHeaders: Record<string, string> = { ...buildHeaders(headers), 'Content-Type': 'application/json' }
  if (sharedSecret) allHeaders['X-Signature'] = signBody(sharedSecret, body)
  return { method: checkMethod(method), headers: allHeaders, body }
}
