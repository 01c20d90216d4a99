// A refusal the console's API answers with its status and a sentence naming the place and the problem.
export class ConsoleError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message)
    this.name = 'ConsoleError'
  }
}

export type JsonRecord = Record<string, unknown>

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The request body as an object, or a 400 naming the route. */
export function bodyOf(body: unknown, route: string): JsonRecord {
  if (!isRecord(body)) throw new ConsoleError(400, `${route}: the body must be a JSON object`)
  return body
}

export function stringField(body: JsonRecord, key: string, route: string): string {
  const value = body[key]
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ConsoleError(400, `${route}: "${key}" must be a non-empty string`)
  }
  return value
}

export function objectField(body: JsonRecord, key: string, route: string): JsonRecord {
  const value = body[key]
  if (!isRecord(value)) throw new ConsoleError(400, `${route}: "${key}" must be an object`)
  return value
}

/** A whole number from a query parameter, within bounds, or the fallback when absent. */
export function queryInt(value: unknown, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback
  const number = typeof value === 'string' ? Number(value) : NaN
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new ConsoleError(400, `query parameter "${name}" must be a whole number from ${min} to ${max}`)
  }
  return number
}

/** An optional text query parameter (a repeated parameter is refused). */
export function queryText(value: unknown, name: string): string | undefined {
  if (value === undefined || value === '') return undefined
  if (typeof value !== 'string') throw new ConsoleError(400, `query parameter "${name}" must be given once, as text`)
  if (value.length > 500) throw new ConsoleError(400, `query parameter "${name}" is longer than 500 characters`)
  return value
}
