import { DEFAULT_REQUEST_TIMEOUT } from '../constants'

// The DEFAULT_REQUEST_TIMEOUT environment variable (milliseconds) overrides the built-in 10 s.
// Read when a client is created, not per request; an unusable value falls back to the default
// rather than failing every request of a misconfigured process.
export function resolveDefaultTimeout(): number {
  const raw = typeof process !== 'undefined' && process.env ? process.env.DEFAULT_REQUEST_TIMEOUT : undefined
  if (raw === undefined || raw.trim() === '') return DEFAULT_REQUEST_TIMEOUT
  const value = Number(raw)
  return Number.isFinite(value) && value >= 0 ? value : DEFAULT_REQUEST_TIMEOUT
}
