// Hook results count as responses when they look like one (fetch implementations differ in class).
export function isResponse(value: unknown): value is Response {
  if (value === null || typeof value !== 'object') return false
  const candidate = value as { status?: unknown; text?: unknown; headers?: unknown }
  return typeof candidate.status === 'number' && typeof candidate.text === 'function' && candidate.headers != null
}
