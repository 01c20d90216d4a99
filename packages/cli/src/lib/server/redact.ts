// Header names whose values must never be echoed back: credentials and session data.
const SECRET_HEADER = /authorization|cookie|token|secret|password|api[-_]?key|(^|[-_])key$|signature/i

export const REDACTED = '***'

/** Copies headers (a Headers object, a record or entries) into a plain object with secrets masked. */
export function redactHeaders(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  const put = (name: string, value: unknown): void => {
    out[name] = SECRET_HEADER.test(name) ? REDACTED : String(value)
  }
  if (!headers || typeof headers !== 'object') return out
  const withForEach = headers as { forEach?: unknown }
  if (typeof withForEach.forEach === 'function' && !Array.isArray(headers)) {
    ;(headers as { forEach: (fn: (value: string, name: string) => void) => void }).forEach((value, name) =>
      put(name, value)
    )
    return out
  }
  const entries = Array.isArray(headers) ? (headers as unknown[]) : Object.entries(headers)
  for (const entry of entries) {
    if (Array.isArray(entry) && entry.length >= 2) put(String(entry[0]), entry[1])
  }
  return out
}
