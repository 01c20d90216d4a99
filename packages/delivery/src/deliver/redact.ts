// Secrets out of the attempts log, by the one rule set of src/safety: secret-looking headers, query
// parameters and fields, URL user info, and the instance's secret setting values (password-type
// fields, OAuth tokens) wherever they appear. Bodies are also cut to a bounded length.
import type { DestinationDefinition } from '@action-destinations/core'
import { Redactor } from '../safety/redactor'
import { MIN_SECRET_LENGTH, REDACTED } from '../safety/secret-name'
import { secretSettingValues } from '../safety/secret-settings'

export { REDACTED }
/** Longest request or response body kept per attempt. */
export const MAX_BODY_CHARS = 4096

/** The values to hide for one instance (password-type and secret-named settings, OAuth tokens), longest first. */
export function secretValuesOf(
  definition: DestinationDefinition<unknown> | undefined,
  settings: Record<string, unknown>
): string[] {
  const values = secretSettingValues(settings, definition?.authentication?.fields)
  return [...new Set(values.filter((value) => value.length >= MIN_SECRET_LENGTH))].sort((a, b) => b.length - a.length)
}

// One Redactor per instance's secret list (the runtime keeps the same array until its settings change).
const redactors = new WeakMap<readonly string[], Redactor>()

function redactorFor(secrets: readonly string[]): Redactor {
  let redactor = redactors.get(secrets)
  if (!redactor) {
    redactor = new Redactor(secrets)
    redactors.set(secrets, redactor)
  }
  return redactor
}

export function redactText(text: string, secrets: readonly string[]): string {
  return redactorFor(secrets).text(text)
}

export function redactUrl(url: string, secrets: readonly string[]): string {
  return redactorFor(secrets).text(url)
}

export function redactHeaders(
  headers: Iterable<[string, string]> | undefined,
  secrets: readonly string[]
): Record<string, string> {
  return headers ? redactorFor(secrets).headers([...headers]) : {}
}

export function redactBody(body: string | undefined, secrets: readonly string[]): string | undefined {
  if (body === undefined) return undefined
  // Hidden before the cut, so a secret across the cut is never half shown; the search is bounded.
  const head = body.length > MAX_BODY_CHARS * 2 ? body.slice(0, MAX_BODY_CHARS * 2) : body
  const hidden = redactText(head, secrets)
  if (head === body && hidden.length <= MAX_BODY_CHARS) return hidden
  return `${hidden.slice(0, MAX_BODY_CHARS)}… (${body.length} characters)`
}
