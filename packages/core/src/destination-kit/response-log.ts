import type { DecoratedResponse } from './make-request-client'

/** Bytes (about: characters of bodies) the latest responses a Destination keeps may hold together. */
export const MAX_RESPONSE_BYTES = 16 * 1024 * 1024

/** What one kept response costs beyond its bodies (headers, objects). */
const OVERHEAD = 1024

const sizes = new WeakMap<object, number>()

function textLength(value: unknown): number {
  return typeof value === 'string' ? value.length : 0
}

/** About how much a kept response holds: its body text, the request body and the `json` it came from. */
export function responseSize(response: DecoratedResponse): number {
  let size = sizes.get(response)
  if (size === undefined) {
    const options = response.options as { body?: unknown; json?: unknown } | undefined
    const body = textLength(options?.body)
    // `json` is the object the body was serialized from, about as large, and kept with the options.
    size = OVERHEAD + textLength(response.content) + body + (options?.json !== undefined ? body : 0)
    sizes.set(response, size)
  }
  return size
}

/**
 * Trims the oldest of `responses` so that at most `maxCount` are kept (trimmed in bulk when
 * twice as many have gathered) and together they hold at most `maxBytes`; the newest is always
 * kept. The list may also be emptied by its readers (`serve` does so).
 */
export function trimResponses(responses: DecoratedResponse[], maxCount: number, maxBytes: number): void {
  if (responses.length > maxCount * 2) responses.splice(0, responses.length - maxCount)
  if (maxBytes === Number.POSITIVE_INFINITY) return
  let total = 0
  // From the newest back, until the budget is spent.
  for (let i = responses.length - 1; i >= 0; i--) {
    total += responseSize(responses[i])
    if (total > maxBytes && i < responses.length - 1) {
      responses.splice(0, i + 1)
      return
    }
  }
}
