import type { ModifiedResponse } from '../request-client'

// True for what the request client resolves with (a fetch Response carrying `data` / `content`).
export function isResponse(value: unknown): value is ModifiedResponse {
  if (value === null || typeof value !== 'object') return false
  const candidate = value as { status?: unknown; headers?: unknown; clone?: unknown }
  return (
    typeof candidate.status === 'number' &&
    typeof candidate.clone === 'function' &&
    candidate.headers !== null &&
    typeof candidate.headers === 'object' &&
    ('data' in candidate || 'content' in candidate)
  )
}

// The parsed body of a response: JSON data when it parsed, otherwise the text.
export function responseBody(response: ModifiedResponse): unknown {
  const data = (response as { data?: unknown }).data
  if (data !== undefined) return data
  return (response as { content?: unknown }).content ?? ''
}
