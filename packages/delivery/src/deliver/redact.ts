// Secrets out of the attempts log: secret-looking headers and query parameters, URL user info, and
// the instance's secret setting values (password-type fields, OAuth tokens) wherever they appear.
import type { DestinationDefinition } from '@action-destinations/core'

export const REDACTED = '[REDACTED]'
/** Longest request or response body kept per attempt. */
export const MAX_BODY_CHARS = 4096
/** Secret values shorter than this are not searched for in texts (they would match by chance). */
const MIN_SECRET_LENGTH = 4

const SECRET_NAME =
  /(^authorization$|^proxy-authorization$|cookie|token|secret|password|passwd|api[-_]?key|apikey|signature|^sig$|^x-api|credential|session|^key$|^auth$|private)/i

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name)
}

/** The values to hide for one instance: its password-type settings and its OAuth secrets. */
export function secretValuesOf(
  definition: DestinationDefinition<unknown> | undefined,
  settings: Record<string, unknown>
): string[] {
  const values = new Set<string>()
  const add = (value: unknown) => {
    if (typeof value === 'string' && value.length >= MIN_SECRET_LENGTH) values.add(value)
  }
  const fields = (definition?.authentication?.fields ?? {}) as Record<string, { type?: unknown } | undefined>
  for (const key of Object.keys(fields)) {
    if (fields[key]?.type === 'password' || isSecretName(key)) add(settings[key])
  }
  const oauth = settings.oauth
  if (oauth !== null && typeof oauth === 'object') {
    for (const [key, value] of Object.entries(oauth as Record<string, unknown>)) if (isSecretName(key)) add(value)
  }
  // Longest first, so a secret that contains another is hidden whole.
  return [...values].sort((a, b) => b.length - a.length)
}

export function redactText(text: string, secrets: readonly string[]): string {
  let out = text
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED)
  return out
}

export function redactUrl(url: string, secrets: readonly string[]): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return redactText(url, secrets)
  }
  if (parsed.username !== '' || parsed.password !== '') {
    parsed.username = REDACTED
    parsed.password = ''
  }
  for (const name of [...new Set(parsed.searchParams.keys())]) {
    if (isSecretName(name)) parsed.searchParams.set(name, REDACTED)
  }
  return redactText(parsed.toString(), secrets)
}

export function redactHeaders(
  headers: Iterable<[string, string]> | undefined,
  secrets: readonly string[]
): Record<string, string> {
  const out: Record<string, string> = {}
  if (!headers) return out
  for (const [name, value] of headers) {
    out[name] = isSecretName(name) ? REDACTED : redactText(value, secrets)
  }
  return out
}

export function redactBody(body: string | undefined, secrets: readonly string[]): string | undefined {
  if (body === undefined) return undefined
  // Hidden before the cut, so a secret across the cut is never half shown; the search is bounded.
  const head = body.length > MAX_BODY_CHARS * 2 ? body.slice(0, MAX_BODY_CHARS * 2) : body
  const hidden = redactText(head, secrets)
  if (head === body && hidden.length <= MAX_BODY_CHARS) return hidden
  return `${hidden.slice(0, MAX_BODY_CHARS)}… (${body.length} characters)`
}
