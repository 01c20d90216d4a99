import { HttpError } from './http-error'

export type JsonRecord = Record<string, unknown>

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The request body as an object; anything else (an array, a string, nothing) is a 400 naming the route. */
export function bodyOf(body: unknown, route: string): JsonRecord {
  if (body === undefined || body === null) return {}
  if (!isRecord(body)) throw new HttpError(400, `${route}: the request body must be a JSON object`)
  return body
}

/** An optional object property of the body; wrong types are a 400 naming the property. */
export function optionalObject(body: JsonRecord, key: string, route: string): JsonRecord | undefined {
  const value = body[key]
  if (value === undefined || value === null) return undefined
  if (!isRecord(value)) throw new HttpError(400, `${route}: "${key}" must be an object`, { field: key })
  return value
}

export function optionalString(body: JsonRecord, key: string, route: string): string | undefined {
  const value = body[key]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') throw new HttpError(400, `${route}: "${key}" must be a string`, { field: key })
  return value
}
